package io.ternmq.broker.store;

/**
 * Property names the store itself interprets. The wire protocol uses the same names; they are repeated here
 * because the store must not depend on protocol classes.
 */
public final class MessageProperty {
    /** Space-separated business keys; each is indexed. */
    public static final String KEYS = "KEYS";
    /** The tag; its hash goes into the ConsumeQueue for broker-side tag filtering. */
    public static final String TAGS = "TAGS";
    /** The client-generated unique message id; indexed so it can be looked up. */
    public static final String UNIQ_KEY = "UNIQ_KEY";

    private MessageProperty() {
    }
}
