package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;

import java.util.List;

/**
 * LOCK_QUEUES and UNLOCK_QUEUES: the broker-side queue locks of orderly consumption. A lock belongs to one client of
 * a consumer group per queue; it expires unless the client locks the queue again (renewal) before
 * {@code rebalanceLockMaxLiveTime}, and it is released by UNLOCK_QUEUES, by the client leaving the group, or by its
 * connection closing.
 */
public final class QueueLocks {
    private QueueLocks() {
    }

    /** One queue. Wire: {@code string topic, int32 queueId}. */
    public record QueueRef(String topic, int queueId) {
        static final int MIN_SIZE = 2 + 4;

        void encode(WireWriter out) {
            out.string(topic).int32(queueId);
        }

        static QueueRef decode(WireReader in) {
            return new QueueRef(in.requiredString("topic"), in.int32());
        }
    }

    /**
     * LOCK_QUEUES and UNLOCK_QUEUES request. Wire: {@code string group, string clientId, list<QueueRef> queues}.
     *
     * @param group    the consumer group (required)
     * @param clientId the client that asks (required; the lock owner)
     * @param queues   the queues to lock (or renew) or to unlock
     */
    public record Request(String group, String clientId, List<QueueRef> queues) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(group).string(clientId).list(queues, (w, q) -> q.encode(w));
        }

        public static Request decode(WireReader in, int version) {
            return new Request(in.requiredString("group"), in.requiredString("clientId"),
                    in.list(QueueRef.MIN_SIZE, QueueRef::decode));
        }
    }

    /** LOCK_QUEUES response. Wire: {@code list<QueueRef> locked}: the requested queues this client now holds. */
    public record Locked(List<QueueRef> locked) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.list(locked, (w, q) -> q.encode(w));
        }

        public static Locked decode(WireReader in, int version) {
            return new Locked(in.list(QueueRef.MIN_SIZE, QueueRef::decode));
        }
    }
}
