package io.ternmq.protocol.message;

/** Where a half (transactional) message stands at the broker, as END_TX reports it. */
public enum TransactionState {
    /** Neither committed nor rolled back; the broker checks back with the producer group. */
    PENDING,
    /** Committed: the real message is stored in its topic (exactly once). */
    COMMITTED,
    /** Rolled back: never delivered. */
    ROLLED_BACK,
    /** Still unresolved after transactionCheckMax checks: parked for an operator (END_TX by message id). */
    PARKED
}
