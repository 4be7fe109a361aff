package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.List;

/** Topic administration: CREATE_TOPIC (create or update), DELETE_TOPIC, LIST_TOPICS, TOPIC_ROUTE. */
public final class Topics {
    private Topics() {
    }

    /** Permission bits as in RocketMQ: 2 = write, 4 = read, 6 = both. */
    public static final int PERM_WRITE = 2;
    public static final int PERM_READ = 4;
    public static final int PERM_READ_WRITE = PERM_READ | PERM_WRITE;

    /** Wire: {@code string topic, int32 queueNums, int32 perm, bool order}. */
    public record Config(String topic, int queueNums, int perm, boolean order) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(topic).int32(queueNums).int32(perm).bool(order);
        }

        public static Config decode(WireReader in, int version) {
            return new Config(in.requiredString("topic"), in.int32(), in.int32(), in.bool());
        }
    }

    /** A topic name. Wire: {@code string topic}. */
    public record Name(String topic) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(topic);
        }

        public static Name decode(WireReader in, int version) {
            return new Name(in.requiredString("topic"));
        }
    }

    /** Wire: {@code list<string> topics}. */
    public record ListResponse(List<String> topics) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.stringList(topics);
        }

        public static ListResponse decode(WireReader in, int version) {
            return new ListResponse(in.stringList());
        }
    }

    /** Wire: {@code int32 queueId, int64 minOffset, int64 maxOffset, int64 lastStoreTimestamp}. */
    public record QueueStatus(int queueId, long minOffset, long maxOffset, long lastStoreTimestamp) {
        void encode(WireWriter out) {
            out.int32(queueId).int64(minOffset).int64(maxOffset).int64(lastStoreTimestamp);
        }

        static QueueStatus decode(WireReader in) {
            return new QueueStatus(in.int32(), in.int64(), in.int64(), in.int64());
        }
    }

    /** Wire: {@code Config config, string brokerName, string brokerAddress, list<QueueStatus> queues}. */
    public record Route(Config config, String brokerName, String brokerAddress, List<QueueStatus> queues)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            config.encode(out, version);
            out.string(brokerName).string(brokerAddress).list(queues, (w, q) -> q.encode(w));
        }

        public static Route decode(WireReader in, int version) {
            return new Route(Config.decode(in, version), in.string(), in.string(), in.list(28, QueueStatus::decode));
        }
    }
}
