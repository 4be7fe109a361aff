package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.MessageModel;

import java.util.List;
import java.util.Map;

/** CONSUMER_PROGRESS, LIST_GROUPS and BROKER_STATUS: what operators look at. */
public final class Progress {
    private Progress() {
    }

    /** Wire: {@code string group, string topic, int32 queueId, int64 brokerOffset, int64 consumerOffset, int64 lastTimestamp}. */
    public record QueueProgress(String group, String topic, int queueId, long brokerOffset, long consumerOffset,
                                long lastTimestamp) {
        /** Messages stored but not yet consumed by the group. */
        public long lag() {
            return Math.max(0, brokerOffset - Math.max(consumerOffset, 0));
        }

        void encode(WireWriter out) {
            out.string(group).string(topic).int32(queueId).int64(brokerOffset).int64(consumerOffset)
                    .int64(lastTimestamp);
        }

        static QueueProgress decode(WireReader in) {
            return new QueueProgress(in.requiredString("group"), in.requiredString("topic"), in.int32(), in.int64(),
                    in.int64(), in.int64());
        }
    }

    /** Wire: {@code string group} (null = every group). */
    public record Request(String group) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group);
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.string());
        }
    }

    /** Wire: {@code list<QueueProgress> queues}. */
    public record Response(List<QueueProgress> queues) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.list(queues, (w, q) -> q.encode(w));
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.list(32, QueueProgress::decode));
        }
    }

    /** Wire: {@code string group, int8 model, list<string> clientIds, list<string> topics}. */
    public record GroupInfo(String group, MessageModel model, List<String> clientIds, List<String> topics) {
        void encode(WireWriter out) {
            out.string(group).int8(model.ordinal()).stringList(clientIds).stringList(topics);
        }

        static GroupInfo decode(WireReader in) {
            return new GroupInfo(in.requiredString("group"), in.enumValue(MessageModel.values(), "model"),
                    in.stringList(), in.stringList());
        }
    }

    /** Wire: {@code list<GroupInfo> groups}. */
    public record Groups(List<GroupInfo> groups) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.list(groups, (w, g) -> g.encode(w));
        }

        public static Groups decode(WireReader in, int version) {
            return new Groups(in.list(11, GroupInfo::decode));
        }
    }

    /** Named runtime figures (string values so new ones need no protocol change). Wire: {@code map stats}. */
    public record BrokerStatus(Map<String, String> stats) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.map(stats);
        }

        public static BrokerStatus decode(WireReader in, int version) {
            return new BrokerStatus(in.map());
        }
    }
}
