package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.Subscription;

import java.util.List;

/** HEARTBEAT and UNREGISTER_CLIENT: who is connected and what they produce and consume. */
public final class Heartbeat {
    private Heartbeat() {
    }

    /** How a consumer takes messages from its queues. */
    public enum ConsumeType {
        /** Broker-held long polls driven by the client library (push consumer). */
        PUSH,
        /** The application pulls explicitly. */
        PULL
    }

    /** Wire: {@code string group, int8 model, int8 consumeType, list<Subscription> subscriptions}. */
    public record ConsumerGroup(String group, MessageModel model, ConsumeType consumeType,
                                List<Subscription> subscriptions) {
        void encode(WireWriter out) {
            out.string(group).int8(model.ordinal()).int8(consumeType.ordinal())
                    .list(subscriptions, (w, s) -> s.encode(w));
        }

        static ConsumerGroup decode(WireReader in) {
            return new ConsumerGroup(in.requiredString("group"), in.enumValue(MessageModel.values(), "model"),
                    in.enumValue(ConsumeType.values(), "consumeType"), in.list(5, Subscription::decode));
        }
    }

    /** Wire: {@code string clientId, list<string> producerGroups, list<ConsumerGroup> consumerGroups}. */
    public record Request(String clientId, List<String> producerGroups, List<ConsumerGroup> consumerGroups)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(clientId).stringList(producerGroups).list(consumerGroups, (w, g) -> g.encode(w));
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.requiredString("clientId"), in.stringList(), in.list(8, ConsumerGroup::decode));
        }
    }

    /** UNREGISTER_CLIENT. Wire: {@code string clientId}. */
    public record Unregister(String clientId) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(clientId);
        }

        public static Unregister decode(WireReader in, int version) {
            return new Unregister(in.requiredString("clientId"));
        }
    }
}
