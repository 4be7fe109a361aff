package io.ternmq.outbox.idempotency;

/** The outcome of claiming a business key. */
public enum ClaimStatus {
    /** This caller holds the key now and should process the message. */
    CLAIMED,
    /** The key was processed already: skip the message and acknowledge it. */
    DUPLICATE,
    /** Another consumer holds an unexpired claim and is processing it: try again later. */
    IN_PROGRESS
}
