package io.ternmq.outbox.relay;

import java.time.Duration;

/**
 * The wait before the next attempt to send a row: {@code first} after the first failure, doubled after each further
 * one, never more than {@code max}.
 */
record Backoff(Duration first, Duration max) {
    /** The longest wait between attempts. */
    static final Duration MAX = Duration.ofMinutes(5);

    /** The wait after a failed attempt that followed {@code earlierFailures} failed ones. */
    Duration after(int earlierFailures) {
        long maxMs = max.toMillis();
        long delay = first.toMillis();
        for (int i = 0; i < earlierFailures && delay < maxMs; i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, maxMs));
    }
}
