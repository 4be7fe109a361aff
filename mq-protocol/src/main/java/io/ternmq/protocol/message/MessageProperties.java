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

    private MessageProperties() {
    }
}
