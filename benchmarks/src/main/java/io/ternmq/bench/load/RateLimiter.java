package io.ternmq.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces one thread to a fixed rate by scheduling the n-th permit at {@code start + n / rate}. Unlike a token
 * bucket it never bursts to catch up after a stall by more than {@link #MAX_CATCH_UP_PERMITS}, so a coordinated
 * stall shows up as latency rather than being hidden by a burst. Not thread-safe: one instance per thread.
 */
final class RateLimiter {
    private static final long MAX_CATCH_UP_PERMITS = 100;

    private final long nanosPerPermit;
    private long nextPermitAt;

    /** @param permitsPerSecond 0 or less means unlimited */
    RateLimiter(double permitsPerSecond, long nowNanos) {
        this.nanosPerPermit = permitsPerSecond <= 0 ? 0 : Math.max(1, (long) (1e9 / permitsPerSecond));
        this.nextPermitAt = nowNanos;
    }

    boolean unlimited() {
        return nanosPerPermit == 0;
    }

    /** Nanoseconds to wait for {@code permits} permits taken at {@code nowNanos}; reserves them. */
    long reserve(int permits, long nowNanos) {
        if (unlimited()) {
            return 0;
        }
        long earliest = nowNanos - (MAX_CATCH_UP_PERMITS - 1) * nanosPerPermit;
        if (nextPermitAt < earliest) {
            nextPermitAt = earliest;
        }
        long waitNanos = Math.max(0, nextPermitAt - nowNanos);
        nextPermitAt += permits * nanosPerPermit;
        return waitNanos;
    }

    /** Blocks until {@code permits} permits are available. */
    void acquire(int permits) {
        long wait = reserve(permits, System.nanoTime());
        long deadline = System.nanoTime() + wait;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = deadline - System.nanoTime();
        }
    }
}
