package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

/** Operations on a group's dead-letter queue ({@code %DLQ%group}). Listing and queries use the query commands. */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * RESEND_DLQ_MESSAGE request. Wire: {@code string group, string messageId} (both required): the broker id of a
     * message in {@code %DLQ%group}.
     */
    public record ResendRequest(String group, String messageId) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).string(messageId);
        }

        public static ResendRequest decode(WireReader in, int version) {
            return new ResendRequest(in.requiredString("group"), in.requiredString("messageId"));
        }
    }

    /**
     * RESEND_DLQ_MESSAGE response. Wire: {@code string topic, int32 queueId, string messageId}: where the re-sent
     * copy was stored ({@code %RETRY%group}, queue 0) and its broker id.
     */
    public record ResendResponse(String topic, int queueId, String messageId) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(topic).int32(queueId).string(messageId);
        }

        public static ResendResponse decode(WireReader in, int version) {
            return new ResendResponse(in.requiredString("topic"), in.int32(), in.string());
        }
    }
}
