package io.ternmq.outbox.txlog;

import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.UtcTime;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The transaction-log table ({@code mq_tx_log}): one row per transactional message whose local transaction
 * committed. The row is written in the same local transaction as the application's business writes, so its presence
 * is the proof a broker check-back is answered from ({@link TransactionLogChecker}).
 *
 * <p>Row: {@code transaction_id} (the half message's UNIQ_KEY, primary key), {@code producer_group}, {@code topic},
 * {@code created_at} (UTC, from the clock). Rows are only needed until the broker resolved the half message; purge
 * them with {@link #purgeOlderThan} once they are older than the broker's check window. Thread-safe.
 */
public final class TransactionLog {
    /** Rows deleted per statement while purging, so no purge holds many row locks at once. */
    static final int PURGE_BATCH = 1000;

    private final OutboxDatabase db;
    private final TxLogMapper mapper;
    private final Clock clock;

    public TransactionLog(OutboxDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = db.mapper(TxLogMapper.class);
    }

    /**
     * Records that the local transaction which sent half message {@code transactionId} commits. Must be called inside
     * that transaction; the row commits or rolls back with it.
     *
     * @throws IllegalStateException when the calling thread is not in a transaction of the database
     */
    public void record(String transactionId, String producerGroup, String topic) {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(producerGroup, "producerGroup");
        Objects.requireNonNull(topic, "topic");
        if (!db.inTransaction()) {
            throw new IllegalStateException("TransactionLog.record(" + transactionId + ") must run inside the local "
                    + "transaction that commits the business change; there is none on this thread");
        }
        mapper.insert(transactionId, producerGroup, topic, UtcTime.column(clock.instant()));
    }

    /** Whether a committed row exists for {@code transactionId}. */
    public boolean exists(String transactionId) {
        return mapper.count(Objects.requireNonNull(transactionId, "transactionId")) > 0;
    }

    /** Deletes rows created before {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = mapper.deleteCreatedBefore(UtcTime.column(cutoff), PURGE_BATCH);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }
}
