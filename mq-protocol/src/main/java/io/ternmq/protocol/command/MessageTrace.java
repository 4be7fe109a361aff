package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.List;

/**
 * MESSAGE_TRACE: the life of one message at the broker: where it is stored, which consumer groups have consumed it
 * or still have it pending, and its retry and dead-letter copies.
 */
public final class MessageTrace {
    private MessageTrace() {
    }

    /** Where a group stands with the message. */
    public enum DeliveryState {
        /** The group's committed offset of the queue is past the message. */
        CONSUMED,
        /** The group subscribes to the topic (or has an offset for it) and has not committed past the message. */
        PENDING,
        /** The group has no committed offset for the queue yet. */
        NOT_STARTED
    }

    /** What a copy of the message is. */
    public enum CopyKind {
        /** The original, in its own topic. */
        ORIGINAL,
        /** A redelivery copy in {@code %RETRY%group}. */
        RETRY,
        /** A dead letter in {@code %DLQ%group}. */
        DLQ,
        /** Any other copy that carries the message's UNIQ_KEY or ORIGIN_MESSAGE_ID. */
        OTHER
    }

    /** Wire: {@code string messageId} (broker message id or client UNIQ_KEY). */
    public record Request(String messageId) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(messageId);
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.requiredString("messageId"));
        }
    }

    /**
     * One stored copy of the message. Wire: {@code int8 kind, string topic, int32 queueId, int64 queueOffset,
     * string messageId, int64 storeTimestamp, int32 reconsumeTimes}.
     */
    public record StoredCopy(CopyKind kind, String topic, int queueId, long queueOffset, String messageId,
                             long storeTimestamp, int reconsumeTimes) {
        static final int MIN_SIZE = 1 + 2 + 4 + 8 + 2 + 8 + 4;

        void encode(WireWriter out) {
            out.int8(kind.ordinal()).string(topic).int32(queueId).int64(queueOffset).string(messageId)
                    .int64(storeTimestamp).int32(reconsumeTimes);
        }

        static StoredCopy decode(WireReader in) {
            return new StoredCopy(in.enumValue(CopyKind.values(), "kind"), in.requiredString("topic"), in.int32(),
                    in.int64(), in.string(), in.int64(), in.int32());
        }
    }

    /**
     * One consumer group's view of one stored copy. Wire: {@code string group, string topic, int32 queueId,
     * int64 queueOffset, int64 consumerOffset, int8 state, list<string> onlineClients}.
     *
     * @param consumerOffset the group's committed offset of the queue, -1 when none
     * @param onlineClients  the group's live clients (empty when none is connected)
     */
    public record GroupDelivery(String group, String topic, int queueId, long queueOffset, long consumerOffset,
                                DeliveryState state, List<String> onlineClients) {
        static final int MIN_SIZE = 2 + 2 + 4 + 8 + 8 + 1 + 4;

        void encode(WireWriter out) {
            out.string(group).string(topic).int32(queueId).int64(queueOffset).int64(consumerOffset)
                    .int8(state.ordinal()).stringList(onlineClients);
        }

        static GroupDelivery decode(WireReader in) {
            return new GroupDelivery(in.requiredString("group"), in.requiredString("topic"), in.int32(), in.int64(),
                    in.int64(), in.enumValue(DeliveryState.values(), "state"), in.stringList());
        }
    }

    /**
     * Wire: {@code string uniqueId, list<StoredCopy> copies, list<GroupDelivery> deliveries}. The first copy is the
     * original (kind {@code ORIGINAL}) when it is still stored; copies are sorted by store time.
     */
    public record Response(String uniqueId, List<StoredCopy> copies, List<GroupDelivery> deliveries) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(uniqueId).list(copies, (w, c) -> c.encode(w)).list(deliveries, (w, d) -> d.encode(w));
        }

        public static Response decode(WireReader in, int version) {
            return new Response(in.string(), in.list(StoredCopy.MIN_SIZE, StoredCopy::decode),
                    in.list(GroupDelivery.MIN_SIZE, GroupDelivery::decode));
        }
    }
}
