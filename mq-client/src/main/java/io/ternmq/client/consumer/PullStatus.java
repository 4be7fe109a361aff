package io.ternmq.client.consumer;

/** What a pull found. */
public enum PullStatus {
    /** Messages returned. */
    FOUND,
    /** Nothing new within the max wait. */
    NO_NEW_MSG,
    /** Messages existed but none matched the subscription; continue at {@link PullResult#nextOffset()}. */
    NO_MATCHED_MSG,
    /** The offset was out of range; continue at {@link PullResult#nextOffset()}. */
    OFFSET_ILLEGAL
}
