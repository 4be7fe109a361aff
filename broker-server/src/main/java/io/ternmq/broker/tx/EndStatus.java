package io.ternmq.broker.tx;

/** How an END_TX (or a check-back answer) went. {@code remoting.ErrorMapping} maps these to wire codes. */
public enum EndStatus {
    /** Applied, or already in the requested state. */
    OK,
    /** No pending or remembered half message has this id. */
    NOT_FOUND,
    /** The half message belongs to another producer group. */
    GROUP_MISMATCH,
    /** It was already resolved the other way (or is being). */
    CONFLICT,
    /** The store refused a write; the half message stays pending and is checked again later. */
    STORE_FAILED
}
