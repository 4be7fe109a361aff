package io.ternmq.client.consumer;

import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.Subscription;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a consumer takes from one topic: a tag expression ({@code *} or {@code TagA || TagB}) or an SQL92
 * expression over message properties. The broker filters; for tags it compares hash codes, which can collide, so
 * the client checks the tag string again before delivery. SQL92 is evaluated by the broker only (the broker also
 * rejects a malformed expression at subscribe time, naming the column). Immutable.
 */
record SubscriptionFilter(String topic, ExpressionType type, String expression, Set<String> tags) {

    /** A tag subscription. */
    static SubscriptionFilter parse(String topic, String tagExpression) {
        return parse(topic, MessageSelector.byTag(tagExpression));
    }

    static SubscriptionFilter parse(String topic, MessageSelector selector) {
        if (selector.type() == ExpressionType.SQL92) {
            return new SubscriptionFilter(topic, ExpressionType.SQL92, selector.expression(), Set.of());
        }
        String e = selector.expression() == null ? "*" : selector.expression().trim();
        if (e.isEmpty() || e.equals("*")) {
            return new SubscriptionFilter(topic, ExpressionType.TAG, "*", Set.of());
        }
        Set<String> tags = Arrays.stream(e.split("\\|\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("invalid tag expression '" + selector.expression() + "'");
        }
        return new SubscriptionFilter(topic, ExpressionType.TAG, e, tags);
    }

    MessageSelector selector() {
        return type == ExpressionType.SQL92 ? MessageSelector.bySql(expression) : MessageSelector.byTag(expression);
    }

    boolean matchesAll() {
        return type == ExpressionType.SQL92 || tags.isEmpty();
    }

    boolean matches(String tag) {
        return matchesAll() || (tag != null && tags.contains(tag));
    }

    Subscription subscription() {
        return new Subscription(topic, type, expression);
    }
}
