package io.ternmq.outbox.idempotency;

import io.ternmq.outbox.OutboxDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Business-key claims in the {@code mq_idempotency} table, keyed by (consumer group, key).
 *
 * <p>Inside a local transaction ({@link #claimInTransaction}) the claim is a plain insert that commits or rolls back
 * with the listener's own writes: exactly-once effects for the database. Without one ({@link #claim}) a claim is a
 * PROCESSING row with a lease: {@link #complete} marks it DONE, {@link #release} deletes it after a failure, and a
 * claim whose holder crashed is taken over once its lease expired.
 */
public final class IdempotencyStore {
    public IdempotencyStore(OutboxDatabase db, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Claims {@code key} for {@code group} as done inside the calling thread's transaction. Returns false when the key
     * was claimed before (a duplicate). Must be called inside a transaction of the database.
     */
    public boolean claimInTransaction(String group, String key) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Claims {@code key} as PROCESSING for {@code lease}, in its own short transaction. */
    public Claim claim(String group, String key, Duration lease) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Marks a CLAIMED claim DONE: later deliveries of the key are duplicates. */
    public void complete(Claim claim) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Gives a CLAIMED claim up after a failed attempt, so a redelivery can claim the key again. */
    public void release(Claim claim) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Deletes DONE rows older than {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        throw new UnsupportedOperationException("TODO");
    }
}
