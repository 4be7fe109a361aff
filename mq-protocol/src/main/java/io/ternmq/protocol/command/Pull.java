package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.Subscription;

import java.util.List;

/** PULL: read a queue from an offset; the broker holds the request up to maxWaitMs when nothing is new. */
public final class Pull {
    private Pull() {
    }

    /** What the pull found. */
    public enum Status {
        /** Messages returned. */
        FOUND,
        /** Nothing new within the max wait. */
        NO_NEW_MESSAGE,
        /** Messages existed but none matched the filter; continue from nextOffset. */
        NO_MATCHED_MESSAGE,
        /** The offset was out of range; continue from nextOffset. */
        OFFSET_MOVED
    }

    /**
     * Wire: {@code string group, string topic, int32 queueId, int64 offset, int32 maxMessages, int32 maxBytes,
     * int64 maxWaitMs, Subscription subscription, int64 commitOffset}. {@code commitOffset >= 0} also commits the
     * group's offset for the queue in the same round trip.
     */
    public record Request(String group, String topic, int queueId, long offset, int maxMessages, int maxBytes,
                          long maxWaitMs, Subscription subscription, long commitOffset) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).string(topic).int32(queueId).int64(offset).int32(maxMessages).int32(maxBytes)
                    .int64(maxWaitMs);
            subscription.encode(out);
            out.int64(commitOffset);
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.string(), in.requiredString("topic"), in.int32(), in.int64(), in.int32(),
                    in.int32(), in.int64(), Subscription.decode(in), in.int64());
        }
    }

    /** Wire: {@code int8 status, int64 nextOffset, int64 minOffset, int64 maxOffset, list<MessageView> messages}. */
    public record Response(Status status, long nextOffset, long minOffset, long maxOffset, List<MessageView> messages)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int8(status.ordinal()).int64(nextOffset).int64(minOffset).int64(maxOffset)
                    .list(messages, (w, m) -> m.encode(w));
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.enumValue(Status.values(), "status"), in.int64(), in.int64(), in.int64(),
                    in.list(MessageView.MIN_SIZE, MessageView::decode));
        }
    }
}
