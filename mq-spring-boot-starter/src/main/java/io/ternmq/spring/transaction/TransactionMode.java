package io.ternmq.spring.transaction;

/** How {@link TransactionalSender#sendInTransaction} ties a message to the local transaction ({@code mq.transaction.mode}). */
public enum TransactionMode {
    /**
     * A half message is sent at once and a transaction-log row written in the local transaction; END_TX commits or
     * rolls the half message back after the transaction completes, and the broker's check-back is answered from the
     * table when END_TX is lost. Needs no poller; one extra round trip to the broker inside the transaction.
     */
    HALF_MESSAGE,
    /**
     * An outbox row is written in the local transaction and a relay sends it after commit. Nothing reaches the
     * broker inside the transaction; keeps per-key order; delivery lags by up to one poll interval.
     */
    OUTBOX
}
