package io.ternmq.outbox.txlog;

import io.ternmq.client.producer.LocalTransactionState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Answers a broker check-back from the transaction log: the row is there → COMMIT; it is not, and the half message is
 * older than {@code localTransactionTimeout} (no local transaction can still be running) → ROLLBACK; otherwise
 * UNKNOW, and the broker asks again later.
 *
 * <p>The timeout must be longer than any local transaction that sends a transactional message may run (including
 * its commit), or a slow transaction that commits after the timeout would have its message rolled back. The age is
 * measured from the half message's born time, set by the producer's clock: keep the clocks of the application's
 * hosts in sync, or add their possible skew to the timeout. Thread-safe.
 */
public final class TransactionLogChecker {
    private final TransactionLog log;
    private final Duration localTransactionTimeout;
    private final Clock clock;

    public TransactionLogChecker(TransactionLog log, Duration localTransactionTimeout, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(localTransactionTimeout, "localTransactionTimeout");
        if (localTransactionTimeout.isNegative() || localTransactionTimeout.isZero()) {
            throw new IllegalArgumentException("localTransactionTimeout must be positive: " + localTransactionTimeout);
        }
        this.localTransactionTimeout = localTransactionTimeout;
    }

    /**
     * @param transactionId     the half message's transaction id (its UNIQ_KEY / {@code MessageExt.msgId()})
     * @param halfMessageBornAt when the producer sent the half message ({@code MessageExt.bornTimestamp()})
     */
    public LocalTransactionState check(String transactionId, Instant halfMessageBornAt) {
        Objects.requireNonNull(halfMessageBornAt, "halfMessageBornAt");
        if (log.exists(transactionId)) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        Duration age = Duration.between(halfMessageBornAt, clock.instant());
        return age.compareTo(localTransactionTimeout) > 0 ? LocalTransactionState.ROLLBACK_MESSAGE
                : LocalTransactionState.UNKNOW;
    }
}
