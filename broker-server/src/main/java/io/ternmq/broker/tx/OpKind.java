package io.ternmq.broker.tx;

import io.ternmq.protocol.message.TransactionState;

/** What an op record says about a half message. The last terminal record wins; CHECK and PARKED are not terminal. */
public enum OpKind {
    /** A check-back was sent (the record carries the running count). */
    CHECK,
    /** Parked after transactionCheckMax check-backs; an operator may still resolve it. */
    PARKED,
    /** Committed: the real message was stored before this record. */
    COMMIT,
    /** Rolled back. */
    ROLLBACK;

    public boolean terminal() {
        return this == COMMIT || this == ROLLBACK;
    }

    /** The state a terminal record leaves. */
    public TransactionState terminalState() {
        return switch (this) {
            case COMMIT -> TransactionState.COMMITTED;
            case ROLLBACK -> TransactionState.ROLLED_BACK;
            default -> throw new IllegalStateException(this + " is not terminal");
        };
    }
}
