package io.ternmq.client.consumer;

import io.ternmq.protocol.message.ExpressionType;

import java.util.Objects;

/**
 * Which messages of a topic a consumer wants, decided at the broker:
 * <ul>
 *   <li>{@link #byTag(String)}: {@code *} (everything) or {@code TagA || TagB};</li>
 *   <li>{@link #bySql(String)}: an SQL92 condition over message properties, e.g.
 *       {@code amount > 100 AND region IN ('eu', 'us')} (see docs/filters.md).</li>
 * </ul>
 * A malformed expression is refused when the consumer starts, with the broker's message naming the column.
 *
 * @param type       tag or SQL92
 * @param expression the expression text
 */
public record MessageSelector(ExpressionType type, String expression) {
    public MessageSelector {
        Objects.requireNonNull(type, "type");
    }

    public static MessageSelector byTag(String tagExpression) {
        return new MessageSelector(ExpressionType.TAG, tagExpression == null ? "*" : tagExpression);
    }

    public static MessageSelector bySql(String sql) {
        return new MessageSelector(ExpressionType.SQL92, Objects.requireNonNull(sql, "sql"));
    }

    /** Every message of the topic. */
    public static MessageSelector all() {
        return byTag("*");
    }
}
