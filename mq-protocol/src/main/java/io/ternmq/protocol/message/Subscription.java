package io.ternmq.protocol.message;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/** What a consumer group takes from one topic. Wire: {@code string topic, int8 type, string expression}. */
public record Subscription(String topic, ExpressionType type, String expression) {

    public static Subscription all(String topic) {
        return new Subscription(topic, ExpressionType.TAG, "*");
    }

    public void encode(WireWriter out) {
        out.string(topic).int8(type.ordinal()).string(expression);
    }

    public static Subscription decode(WireReader in) {
        return new Subscription(in.requiredString("topic"), in.enumValue(ExpressionType.values(), "expressionType"),
                in.string());
    }
}
