package io.ternmq.client.consumer;

import io.ternmq.protocol.message.ExpressionType;
import io.ternmq.protocol.message.Subscription;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tag expression: {@code *} or {@code TagA || TagB}. The broker filters by tag hash code, which can collide, so
 * the client checks the tag string again before delivery. Immutable.
 */
record TagFilter(String topic, String expression, Set<String> tags) {

    static TagFilter parse(String topic, String expression) {
        String e = expression == null ? "*" : expression.trim();
        if (e.isEmpty() || e.equals("*")) {
            return new TagFilter(topic, "*", Set.of());
        }
        Set<String> tags = Arrays.stream(e.split("\\|\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("invalid tag expression '" + expression + "'");
        }
        return new TagFilter(topic, e, tags);
    }

    boolean matchesAll() {
        return tags.isEmpty();
    }

    boolean matches(String tag) {
        return matchesAll() || (tag != null && tags.contains(tag));
    }

    Subscription subscription() {
        return new Subscription(topic, ExpressionType.TAG, expression);
    }
}
