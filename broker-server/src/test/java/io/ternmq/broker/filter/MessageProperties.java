package io.ternmq.broker.filter;

import java.util.HashMap;
import java.util.Map;

/** Test fixture: a message's property map from alternating names and values (a null value = absent). */
final class MessageProperties {

    private MessageProperties() {
    }

    static Map<String, String> of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                properties.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return properties;
    }

    /** Compiles {@code sql} or fails the test: for expressions the test knows to be valid. */
    static CompiledFilter sql(String sql) {
        try {
            return FilterExpressions.compile(ExpressionType.SQL92, sql);
        } catch (FilterSyntaxException e) {
            throw new AssertionError("expected to compile: " + e.getMessage(), e);
        }
    }
}
