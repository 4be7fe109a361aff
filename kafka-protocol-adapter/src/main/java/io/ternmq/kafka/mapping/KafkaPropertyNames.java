package io.ternmq.kafka.mapping;

import io.ternmq.protocol.message.MessageProperties;

import java.util.Set;

/**
 * Message properties the Kafka adapter reserves so that what a Kafka client wrote comes back byte for byte, and
 * the broker's own property names, which are never taken for user properties/headers. Reserved names start with
 * {@value #RESERVED_PREFIX}; native consumers see them as ordinary properties and may ignore them.
 */
public final class KafkaPropertyNames {
    public static final String RESERVED_PREFIX = "__KAFKA_";
    /**
     * The exact record key, when KEYS cannot carry it: {@code "-"} for a null key, else its standard Base64 (the
     * empty string for an empty key). Written when the key is empty or not valid UTF-8, or when {@link
     * TernmqHeaders#KEYS} sets KEYS to something else.
     */
    public static final String KEY = RESERVED_PREFIX + "KEY";
    /** Present (value {@code "1"}) when the record value was null (a tombstone); the body is then empty. */
    public static final String VALUE_NULL = RESERVED_PREFIX + "VALUE_NULL";
    /**
     * The complete header list, when user properties cannot hold it (duplicate keys, null or non-UTF-8 values,
     * keys that are broker property names or contain U+0001): standard Base64 of {@code int32 count}, then per
     * header {@code int32 keyLength, UTF-8 key, int32 valueLength (-1 = null), value}, big-endian. When present it
     * alone defines the headers; the user properties are only copies for native consumers.
     */
    public static final String HEADERS = RESERVED_PREFIX + "HEADERS";
    /**
     * The header keys in record order, separated by U+0001, when they are not already in ascending order (user
     * properties have no order; without this property headers come back sorted by key).
     */
    public static final String HEADER_ORDER = RESERVED_PREFIX + "HEADER_ORDER";
    /**
     * On the first message of an idempotent batch: producer id, epoch and sequences ({@link StoredBatchHeader}), read
     * when the producer state is rebuilt after a crash. Never a header: {@link #isSystem} covers the prefix.
     */
    public static final String PRODUCER_BATCH = RESERVED_PREFIX + "PRODUCER_BATCH";
    /**
     * On the first message of a batch: the CRC of the batch a fetch builds from it and a fingerprint of the messages
     * it covers ({@link BatchView}), so fetches send that CRC instead of computing one.
     */
    public static final String BATCH_VIEW = RESERVED_PREFIX + "BATCH_VIEW";
    /** Separator of {@link #HEADER_ORDER}. */
    static final char ORDER_SEPARATOR = '\u0001';

    /** Property names the broker itself interprets or sets. */
    private static final Set<String> BROKER_NAMES = Set.of(MessageProperties.KEYS, MessageProperties.TAGS,
            MessageProperties.UNIQ_KEY, MessageProperties.SHARDING_KEY, MessageProperties.TRANSACTION_PREPARED,
            MessageProperties.PRODUCER_GROUP, MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS,
            MessageProperties.TRANSACTION_CHECK_TIMES, MessageProperties.TRANSACTION_HALF_MESSAGE_ID,
            MessageProperties.DELAY, MessageProperties.TIMER_DELIVER_MS, MessageProperties.REAL_TOPIC,
            MessageProperties.REAL_QID, MessageProperties.RETRY_TOPIC, MessageProperties.ORIGIN_MESSAGE_ID,
            MessageProperties.DLQ_ORIGIN_TOPIC, MessageProperties.DLQ_ORIGIN_MESSAGE_ID);

    private KafkaPropertyNames() {
    }

    /** Whether a property name is the broker's or the adapter's rather than a user property. */
    public static boolean isSystem(String name) {
        return BROKER_NAMES.contains(name) || name.startsWith(RESERVED_PREFIX);
    }
}
