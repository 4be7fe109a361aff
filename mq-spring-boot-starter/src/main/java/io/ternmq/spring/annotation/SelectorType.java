package io.ternmq.spring.annotation;

/** How {@link MQListener#selectorExpression()} is read; the broker evaluates it. */
public enum SelectorType {
    /** {@code *} (every message) or tags joined by {@code ||}, e.g. {@code created || paid}. */
    TAG,
    /** An SQL92 condition over the message's user properties, e.g. {@code amount > 100 AND region = 'eu'}. */
    SQL92
}
