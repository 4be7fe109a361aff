package io.ternmq.kafka.mapping;

/**
 * Kafka record headers that reach native broker features from a Kafka producer. Each one is also kept as an
 * ordinary header, so the record reads back unchanged; its UTF-8 value is additionally copied to the broker
 * property named below. The last occurrence wins when a header repeats; a value that is not valid UTF-8 is ignored
 * (the header is still kept).
 */
public final class TernmqHeaders {
    /** The message tag, for broker-side tag filtering: property {@code TAGS}. Fetch adds it to native messages. */
    public static final String TAGS = "ternmq-tags";
    /**
     * Space-separated business keys for the key index (query by key): property {@code KEYS}. Without it a Kafka
     * key that is valid UTF-8 is the message's KEYS.
     */
    public static final String KEYS = "ternmq-keys";
    /**
     * Delayed delivery by level (1-based index into the broker's {@code messageDelayLevel} table): property
     * {@code DELAY}. The broker accepts delays only for single-record batches (it refuses a delayed batch).
     */
    public static final String DELAY_LEVEL = "ternmq-delay-level";
    /**
     * Delayed delivery at a time, epoch milliseconds (second precision): property {@code TIMER_DELIVER_MS}. Same
     * single-record rule as {@link #DELAY_LEVEL}.
     */
    public static final String DELIVER_AT_MS = "ternmq-deliver-at-ms";

    private TernmqHeaders() {
    }
}
