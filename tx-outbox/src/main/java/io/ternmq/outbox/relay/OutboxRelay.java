package io.ternmq.outbox.relay;

import io.ternmq.client.producer.Producer;
import io.ternmq.outbox.OutboxDatabase;

import java.time.Clock;
import java.time.Duration;

/**
 * Sends committed outbox rows to the broker and marks them sent only after the broker acknowledged them (a crash in
 * between sends a row again: at least once). Rows of one hash key go out one at a time in id order; a failed row is
 * retried with back-off and holds back later rows of its key. Sent rows are deleted after {@code retention}. Several
 * relays (processes) may poll one table: rows are locked with {@code FOR UPDATE SKIP LOCKED}.
 */
public final class OutboxRelay implements AutoCloseable {
    private OutboxRelay() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts polling every {@code pollInterval} on a daemon thread. */
    public void start() {
        throw new UnsupportedOperationException("TODO");
    }

    /** One polling round on the calling thread; returns how many rows were sent. */
    public int relayOnce() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Stops polling; a round in progress finishes first. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Builder of {@link OutboxRelay}; not thread-safe. */
    public static final class Builder {
        private Builder() {
        }

        public Builder database(OutboxDatabase db) {
            throw new UnsupportedOperationException("TODO");
        }

        public Builder producer(Producer producer) {
            throw new UnsupportedOperationException("TODO");
        }

        public Builder clock(Clock clock) {
            throw new UnsupportedOperationException("TODO");
        }

        /** Pause between rounds that found nothing to send (default 200 ms). */
        public Builder pollInterval(Duration interval) {
            throw new UnsupportedOperationException("TODO");
        }

        /** Most rows per round (default 100). */
        public Builder batchSize(int rows) {
            throw new UnsupportedOperationException("TODO");
        }

        /** Attempts before a row is parked as FAILED for an operator (default 16). */
        public Builder maxAttempts(int attempts) {
            throw new UnsupportedOperationException("TODO");
        }

        /** First retry back-off, doubled per attempt up to 5 minutes (default 1 s). */
        public Builder retryBackoff(Duration backoff) {
            throw new UnsupportedOperationException("TODO");
        }

        /** How long sent rows are kept before clean-up (default 1 day). */
        public Builder retention(Duration retention) {
            throw new UnsupportedOperationException("TODO");
        }

        public OutboxRelay build() {
            throw new UnsupportedOperationException("TODO");
        }
    }
}
