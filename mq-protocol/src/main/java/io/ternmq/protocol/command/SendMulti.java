package io.ternmq.protocol.command;

import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.OutgoingMessage;

import java.util.List;

/**
 * SEND_MULTI (since protocol version {@value ProtocolVersion#SEND_MULTI_SINCE}): messages for several queues,
 * possibly of several topics, in one request. Each entry is what one SEND would carry and is stored as its own
 * batch; the broker appends the entries in request order and answers each on its own, so one refused entry fails
 * only itself. Why: with one queue per topic, a producer's per-queue batching finds nothing to gather, and one
 * request per message costs more than the append it carries.
 */
public final class SendMulti {
    private SendMulti() {
    }

    /** One queue's messages. Wire: {@code string topic, int32 queueId, list<OutgoingMessage> messages}. */
    public record Entry(String topic, int queueId, List<OutgoingMessage> messages) {
        static final int MIN_SIZE = 2 + 4 + 4;

        void encode(WireWriter out) {
            out.string(topic).int32(queueId).list(messages, (w, m) -> m.encode(w));
        }

        static Entry decode(WireReader in) {
            return new Entry(in.requiredString("topic"), in.int32(),
                    in.list(OutgoingMessage.MIN_SIZE, OutgoingMessage::decode));
        }
    }

    /** Wire: {@code string producerGroup, list<Entry> entries}. */
    public record Request(String producerGroup, List<Entry> entries) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(producerGroup).list(entries, (w, e) -> e.encode(w));
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.string(), in.list(Entry.MIN_SIZE, Entry::decode));
        }
    }

    /**
     * One entry's outcome. Wire: {@code int16 errorCode, string errorMessage, int32 queueId, int64 baseQueueOffset,
     * int64 storeTimestamp, list<string> messageIds}; on success the fields mean what they mean in a SEND response,
     * on failure the error fields say why as a failed SEND would (offsets -1, no ids).
     */
    public record EntryResult(ErrorCode error, String errorMessage, int queueId, long baseQueueOffset,
                              long storeTimestamp, List<String> messageIds) {
        static final int MIN_SIZE = 2 + 2 + 4 + 8 + 8 + 4;

        public static EntryResult ok(Send.Response r) {
            return new EntryResult(ErrorCode.SUCCESS, null, r.queueId(), r.baseQueueOffset(), r.storeTimestamp(),
                    r.messageIds());
        }

        public static EntryResult failed(int queueId, ErrorCode error, String message) {
            return new EntryResult(error, message, queueId, -1, -1, List.of());
        }

        public boolean ok() {
            return error == ErrorCode.SUCCESS;
        }

        void encode(WireWriter out) {
            out.int16(error.code()).string(errorMessage).int32(queueId).int64(baseQueueOffset).int64(storeTimestamp)
                    .stringList(messageIds);
        }

        static EntryResult decode(WireReader in) {
            // an unknown code (from a newer broker) reads as SYSTEM_ERROR, as in a response header
            return new EntryResult(ErrorCode.forCode(in.int16()), in.string(), in.int32(), in.int64(), in.int64(), in.stringList());
        }
    }

    /** Wire: {@code list<EntryResult> results}, one per request entry, in request order. */
    public record Response(List<EntryResult> results) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.list(results, (w, r) -> r.encode(w));
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.list(EntryResult.MIN_SIZE, EntryResult::decode));
        }
    }
}
