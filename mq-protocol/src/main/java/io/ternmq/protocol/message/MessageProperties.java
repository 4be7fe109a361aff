package io.ternmq.protocol.message;

/** Well-known message property names. Names follow RocketMQ's so its users recognise them. */
public final class MessageProperties {
    /** Space-separated business keys, indexed by the broker (query by key). */
    public static final String KEYS = "KEYS";
    /** The tag used by tag filters. */
    public static final String TAGS = "TAGS";
    /** Client-generated unique message id. */
    public static final String UNIQ_KEY = "UNIQ_KEY";
    /** Ordering key chosen by the producer (informational; the queue choice is made client-side). */
    public static final String SHARDING_KEY = "__SHARDINGKEY";
    /** {@code "true"} on a half (transactional) message sent with SEND. */
    public static final String TRANSACTION_PREPARED = "TRAN_MSG";
    /** The producer group of a transactional message: check-backs go to a live member of it. */
    public static final String PRODUCER_GROUP = "PGROUP";
    /** Seconds before the first check-back of this half message (overrides transactionTimeOut when longer). */
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    /** How many check-backs the broker has sent for a half message (on CHECK_TX and parked messages). */
    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    /** On a committed or parked message: the broker id of the half message it came from. */
    public static final String TRANSACTION_HALF_MESSAGE_ID = "TRAN_HALF_MSG_ID";

    /** Producer: deliver after this delay level (1-based index into the broker's messageDelayLevel table). */
    public static final String DELAY = "DELAY";
    /** Producer: deliver at this time, epoch milliseconds (second precision; the broker rounds up). */
    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    /** Broker-internal while a message waits in the schedule: the topic it will be delivered to. */
    public static final String REAL_TOPIC = "REAL_TOPIC";
    /** Broker-internal while a message waits in the schedule: the queue it will be delivered to. */
    public static final String REAL_QID = "REAL_QID";
    /** On a message of {@code %RETRY%group}: the topic it was first consumed from. */
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    /** On a retry or DLQ message: the broker id of the message as first stored (in its original topic). */
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    /** On a message of {@code %DLQ%group}: the topic it was first consumed from. */
    public static final String DLQ_ORIGIN_TOPIC = "DLQ_ORIGIN_TOPIC";
    /** On a message of {@code %DLQ%group}: the broker id of the message as first stored. */
    public static final String DLQ_ORIGIN_MESSAGE_ID = "DLQ_ORIGIN_MESSAGE_ID";

    /** Prefix of a consumer group's retry topic: {@code %RETRY%group}. */
    public static final String RETRY_TOPIC_PREFIX = "%RETRY%";
    /** Prefix of a consumer group's dead-letter topic: {@code %DLQ%group}. */
    public static final String DLQ_TOPIC_PREFIX = "%DLQ%";

    private MessageProperties() {
    }
}
