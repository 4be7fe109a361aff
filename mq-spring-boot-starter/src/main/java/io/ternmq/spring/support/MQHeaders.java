package io.ternmq.spring.support;

/**
 * Names of the Spring {@code Message} headers the starter reads and writes. Headers without the {@code mq_} prefix
 * (except Spring's own {@code id} and {@code timestamp}) travel as user properties of the message, and user
 * properties of a received message appear as headers under their own names.
 */
public final class MQHeaders {
    /** Prefix of the starter's own headers. */
    public static final String PREFIX = "mq_";
    /** Sending and receiving: the tag used by tag filters. */
    public static final String TAGS = PREFIX + "tags";
    /** Sending and receiving: business keys, comma-separated; indexed by the broker (query by key). */
    public static final String KEYS = PREFIX + "keys";
    /** Receiving: the topic (the original one for a redelivered message). */
    public static final String TOPIC = PREFIX + "topic";
    /** Receiving: the client-assigned message id (UNIQ_KEY). */
    public static final String MESSAGE_ID = PREFIX + "messageId";
    /** Receiving: the queue id. */
    public static final String QUEUE_ID = PREFIX + "queueId";
    /** Receiving: the queue offset. */
    public static final String QUEUE_OFFSET = PREFIX + "queueOffset";
    /** Receiving: how many times this message was redelivered after failures. */
    public static final String RECONSUME_TIMES = PREFIX + "reconsumeTimes";
    /** Receiving: when the producer sent it (epoch millis). */
    public static final String BORN_TIMESTAMP = PREFIX + "bornTimestamp";
    /** Receiving: when the broker stored it (epoch millis). */
    public static final String STORE_TIMESTAMP = PREFIX + "storeTimestamp";
    /** Receiving: the consumer group of the listener. */
    public static final String CONSUMER_GROUP = PREFIX + "consumerGroup";

    /** Request-reply: the topic the replying listener sends its return value to (set by MQTemplate). */
    public static final String REPLY_TO = PREFIX + "replyTo";
    /** Request-reply: matches a reply to its request (set by MQTemplate, copied onto the reply by the listener). */
    public static final String CORRELATION_ID = PREFIX + "correlationId";

    private MQHeaders() {
    }
}
