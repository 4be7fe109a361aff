package io.ternmq.client.consumer;

/** Where a group starts on a queue for which it has no committed offset yet. */
public enum ConsumeFromWhere {
    /** At the end: only messages stored from now on (default). */
    LAST_OFFSET,
    /** At the oldest message still stored. */
    FIRST_OFFSET,
    /** At the first message stored at or after {@code consumeTimestamp}. */
    TIMESTAMP
}
