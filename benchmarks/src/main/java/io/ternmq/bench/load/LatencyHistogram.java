package io.ternmq.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-bucket latency histogram in the spirit of HdrHistogram, small enough to write ourselves.
 *
 * <p>Layout: values are microseconds. Values below {@code 2^SUB_BITS} get one bucket each (exact). Above that,
 * every power-of-two range {@code [2^e, 2^(e+1))} is split into {@code 2^(SUB_BITS-1)} equal buckets, so a
 * recorded value is reported with a relative error below {@code 2^-(SUB_BITS-1)} (under 1.6 % with 7 bits).
 * Values up to {@code 2^MAX_EXPONENT} µs (about 19 hours) are kept; larger ones land in the last bucket, and
 * {@link #max()} stays exact.
 *
 * <p>Thread-safety: {@link #record} may be called from any number of threads concurrently (atomic adds, no
 * locks); readers see a consistent-enough view for progress lines and an exact one once writers have stopped.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int HALF_SUB_COUNT = SUB_COUNT / 2;
    private static final int MAX_EXPONENT = 36;
    private static final int BUCKETS = SUB_COUNT + (MAX_EXPONENT - SUB_BITS + 1) * HALF_SUB_COUNT;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong totalCount = new AtomicLong();
    private final AtomicLong sumMicros = new AtomicLong();
    private final AtomicLong maxMicros = new AtomicLong();

    /** Records one latency given in nanoseconds (negative values count as zero). */
    public void recordNanos(long nanos) {
        record(Math.max(0, nanos) / 1_000);
    }

    /** Records one latency in microseconds. */
    public void record(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(bucketOf(value));
        totalCount.incrementAndGet();
        sumMicros.addAndGet(value);
        maxMicros.accumulateAndGet(value, Math::max);
    }

    /** Adds every count of {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        totalCount.addAndGet(other.totalCount.get());
        sumMicros.addAndGet(other.sumMicros.get());
        maxMicros.accumulateAndGet(other.maxMicros.get(), Math::max);
    }

    public long count() {
        return totalCount.get();
    }

    /** Largest recorded value in microseconds (exact). */
    public long max() {
        return maxMicros.get();
    }

    /** Mean in microseconds, 0 when empty. */
    public double mean() {
        long n = totalCount.get();
        return n == 0 ? 0 : (double) sumMicros.get() / n;
    }

    /**
     * The value (microseconds) at or below which {@code percentile} percent of the recorded values fall,
     * reported as the upper edge of its bucket (never above {@link #max()}); 0 when empty.
     */
    public long percentile(double percentile) {
        long n = totalCount.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperEdgeOf(i), max());
            }
        }
        return max();
    }

    static int bucketOf(long micros) {
        if (micros < SUB_COUNT) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        // the top SUB_BITS bits of the value: 1xxxxxx; the x bits pick the bucket inside [2^e, 2^(e+1))
        int sub = (int) (micros >>> (exponent - SUB_BITS + 1)) - HALF_SUB_COUNT;
        return SUB_COUNT + (exponent - SUB_BITS) * HALF_SUB_COUNT + sub;
    }

    static long upperEdgeOf(int bucket) {
        if (bucket < SUB_COUNT) {
            return bucket;
        }
        int exponent = (bucket - SUB_COUNT) / HALF_SUB_COUNT + SUB_BITS;
        int sub = (bucket - SUB_COUNT) % HALF_SUB_COUNT + HALF_SUB_COUNT;
        int shift = exponent - SUB_BITS + 1;
        return (((long) sub + 1) << shift) - 1;
    }
}
