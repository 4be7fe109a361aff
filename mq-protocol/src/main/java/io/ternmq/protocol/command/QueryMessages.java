package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.MessageView;

import java.util.List;

/** Message queries: by key, by id, by time range, and offset search by time. */
public final class QueryMessages {
    private QueryMessages() {
    }

    /** Wire: {@code string topic, string key, int64 beginTimestamp, int64 endTimestamp, int32 maxResults}. */
    public record ByKey(String topic, String key, long beginTimestamp, long endTimestamp, int maxResults)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(topic).string(key).int64(beginTimestamp).int64(endTimestamp).int32(maxResults);
        }

        public static ByKey decode(WireReader in, int version) {
            return new ByKey(in.requiredString("topic"), in.requiredString("key"), in.int64(), in.int64(), in.int32());
        }
    }

    /** Wire: {@code string messageId} (broker id or client UNIQ_KEY). */
    public record ById(String messageId) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(messageId);
        }

        public static ById decode(WireReader in, int version) {
            return new ById(in.requiredString("messageId"));
        }
    }

    /** Wire: {@code string topic, int64 beginTimestamp, int64 endTimestamp, int32 maxResults}. */
    public record ByTime(String topic, long beginTimestamp, long endTimestamp, int maxResults) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(topic).int64(beginTimestamp).int64(endTimestamp).int32(maxResults);
        }

        public static ByTime decode(WireReader in, int version) {
            return new ByTime(in.requiredString("topic"), in.int64(), in.int64(), in.int32());
        }
    }

    /** SEARCH_OFFSET: first offset of a queue stored at or after a time. Wire: {@code string topic, int32 queueId, int64 timestamp}. */
    public record OffsetByTime(String topic, int queueId, long timestamp) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(topic).int32(queueId).int64(timestamp);
        }

        public static OffsetByTime decode(WireReader in, int version) {
            return new OffsetByTime(in.requiredString("topic"), in.int32(), in.int64());
        }
    }

    /** Wire: {@code list<MessageView> messages}. */
    public record Result(List<MessageView> messages) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.list(messages, (w, m) -> m.encode(w));
        }

        public static Result decode(WireReader in, int version) {
            return new Result(in.list(MessageView.MIN_SIZE, MessageView::decode));
        }
    }
}
