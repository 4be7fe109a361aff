package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.OutgoingMessage;

import java.util.List;

/** SEND: one message, or a batch stored as one entry, to one queue. */
public final class Send {
    private Send() {
    }

    /** Wire: {@code string producerGroup, string topic, int32 queueId, list<OutgoingMessage> messages}. */
    public record Request(String producerGroup, String topic, int queueId, List<OutgoingMessage> messages)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(producerGroup).string(topic).int32(queueId).list(messages, (w, m) -> m.encode(w));
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.string(), in.requiredString("topic"), in.int32(),
                    in.list(OutgoingMessage.MIN_SIZE, OutgoingMessage::decode));
        }
    }

    /**
     * Wire: {@code int32 queueId, int64 baseQueueOffset, int64 storeTimestamp, list<string> messageIds}. The ids
     * are the broker ids of the messages in request order; their queue offsets are consecutive from the base.
     */
    public record Response(int queueId, long baseQueueOffset, long storeTimestamp, List<String> messageIds)
            implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int32(queueId).int64(baseQueueOffset).int64(storeTimestamp).stringList(messageIds);
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.int32(), in.int64(), in.int64(), in.stringList());
        }
    }
}
