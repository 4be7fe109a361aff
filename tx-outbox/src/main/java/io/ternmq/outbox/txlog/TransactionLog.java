package io.ternmq.outbox.txlog;

import io.ternmq.outbox.OutboxDatabase;

import java.time.Clock;
import java.time.Instant;

/**
 * The transaction-log table ({@code mq_tx_log}): one row per transactional message whose local transaction
 * committed. The row is written in the same local transaction as the application's business writes, so its presence
 * is the proof a broker check-back is answered from ({@link TransactionLogChecker}).
 */
public final class TransactionLog {
    public TransactionLog(OutboxDatabase db, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Records that the local transaction which sent half message {@code transactionId} commits. Must be called inside
     * that transaction; the row commits or rolls back with it.
     */
    public void record(String transactionId, String producerGroup, String topic) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether a committed row exists for {@code transactionId}. */
    public boolean exists(String transactionId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Deletes rows created before {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        throw new UnsupportedOperationException("TODO");
    }
}
