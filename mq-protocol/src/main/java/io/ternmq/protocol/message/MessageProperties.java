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

    private MessageProperties() {
    }
}
