package io.ternmq.bench.load;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts messages, bytes, errors and latencies of one direction of traffic (sends, receives or end-to-end),
 * both cumulatively and per reporting interval. Thread-safe: many workers record, one reporter reads.
 */
final class ThroughputMeter {
    private final String name;
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LatencyHistogram total = new LatencyHistogram();
    private final AtomicReference<Interval> interval = new AtomicReference<>(new Interval());

    ThroughputMeter(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Records {@code count} messages of {@code size} bytes each that took {@code latencyNanos}. */
    void recordSuccess(int count, long size, long latencyNanos) {
        messages.add(count);
        bytes.add(count * size);
        total.recordNanos(latencyNanos);
        Interval current = interval.get();
        current.messages.add(count);
        current.bytes.add(count * size);
        current.latency.recordNanos(latencyNanos);
    }

    /** Records messages that were counted but whose latency is not meaningful (e.g. one-way sends). */
    void recordWithoutLatency(int count, long size) {
        messages.add(count);
        bytes.add(count * size);
        Interval current = interval.get();
        current.messages.add(count);
        current.bytes.add(count * size);
    }

    /** Records {@code count} messages of {@code totalBytes} bytes together, without latency (a pulled batch). */
    void recordTotals(int count, long totalBytes) {
        messages.add(count);
        bytes.add(totalBytes);
        Interval current = interval.get();
        current.messages.add(count);
        current.bytes.add(totalBytes);
    }

    void recordError() {
        errors.increment();
    }

    long messages() {
        return messages.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    long errors() {
        return errors.sum();
    }

    LatencyHistogram latency() {
        return total;
    }

    /**
     * Ends the current interval and starts a new one. A worker that read the old interval just before the swap
     * may still add to it; such late counts are lost from the progress line only, never from the totals.
     */
    Interval swapInterval() {
        return interval.getAndSet(new Interval());
    }

    /** Counts of one reporting interval. */
    static final class Interval {
        final LongAdder messages = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();
    }
}
