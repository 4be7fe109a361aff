package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.List;

/** QUERY_CONSUMER_OFFSET and COMMIT_CONSUMER_OFFSET: a group's committed position per queue. */
public final class ConsumerOffsets {
    private ConsumerOffsets() {
    }

    /** Wire: {@code string group, string topic, int32 queueId}. */
    public record QueryRequest(String group, String topic, int queueId) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).string(topic).int32(queueId);
        }

        public static QueryRequest decode(WireReader in, int version) {
            return new QueryRequest(in.requiredString("group"), in.requiredString("topic"), in.int32());
        }
    }

    /** One queue's offset. Wire: {@code string topic, int32 queueId, int64 offset}. */
    public record QueueOffset(String topic, int queueId, long offset) {
        void encode(WireWriter out) {
            out.string(topic).int32(queueId).int64(offset);
        }

        static QueueOffset decode(WireReader in) {
            return new QueueOffset(in.requiredString("topic"), in.int32(), in.int64());
        }
    }

    /** Wire: {@code string group, list<QueueOffset> offsets}. */
    public record CommitRequest(String group, List<QueueOffset> offsets) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).list(offsets, (w, o) -> o.encode(w));
        }

        public static CommitRequest decode(WireReader in, int version) {
            return new CommitRequest(in.requiredString("group"), in.list(14, QueueOffset::decode));
        }
    }
}
