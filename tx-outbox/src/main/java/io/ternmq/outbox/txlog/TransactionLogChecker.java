package io.ternmq.outbox.txlog;

import io.ternmq.client.producer.LocalTransactionState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Answers a broker check-back from the transaction log: the row is there → COMMIT; it is not, and the half message is
 * older than {@code localTransactionTimeout} (no local transaction can still be running) → ROLLBACK; otherwise
 * UNKNOW, and the broker asks again later.
 */
public final class TransactionLogChecker {
    public TransactionLogChecker(TransactionLog log, Duration localTransactionTimeout, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param transactionId     the half message's transaction id (its UNIQ_KEY / {@code MessageExt.msgId()})
     * @param halfMessageBornAt when the producer sent the half message ({@code MessageExt.bornTimestamp()})
     */
    public LocalTransactionState check(String transactionId, Instant halfMessageBornAt) {
        throw new UnsupportedOperationException("TODO");
    }
}
