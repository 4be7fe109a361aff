package io.ternmq.protocol.message;

/** What a producer says about its local transaction, in END_TX and in the answer to CHECK_TX. */
public enum TransactionResolution {
    /** The local transaction committed: deliver the half message. */
    COMMIT,
    /** The local transaction rolled back: discard the half message. */
    ROLLBACK,
    /** Not known yet: the broker checks back later. */
    UNKNOWN
}
