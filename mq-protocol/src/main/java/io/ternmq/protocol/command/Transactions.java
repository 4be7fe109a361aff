package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;

import java.util.List;

/**
 * END_TX and CHECK_TX: the second phase of a transactional message; LIST_TRANSACTIONS: the operator's view of
 * half messages still waiting for it. A half message is sent with SEND and the
 * property {@code TRAN_MSG=true}; the SEND response's only message id is the half message id these bodies name.
 */
public final class Transactions {
    private Transactions() {
    }

    /**
     * END_TX request. Wire: {@code string producerGroup, string transactionId, string halfMessageId,
     * int8 resolution, bool fromCheck}.
     *
     * @param producerGroup must equal the group the half message was sent with
     * @param transactionId the client's id of the transaction (the message's UNIQ_KEY); informational
     * @param halfMessageId the broker id of the half message (from SEND's response, or from CHECK_TX)
     * @param resolution    commit, roll back, or unknown (the broker checks back later)
     * @param fromCheck     true when the resolution answers a check-back (or comes from an operator)
     */
    public record EndRequest(String producerGroup, String transactionId, String halfMessageId,
                             TransactionResolution resolution, boolean fromCheck) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(producerGroup).string(transactionId).string(halfMessageId).int8(resolution.ordinal())
                    .bool(fromCheck);
        }

        public static EndRequest decode(WireReader in, int version) {
            return new EndRequest(in.requiredString("producerGroup"), in.string(),
                    in.requiredString("halfMessageId"), in.enumValue(TransactionResolution.values(), "resolution"),
                    in.bool());
        }
    }

    /** END_TX response. Wire: {@code int8 state}: the half message's state after the request. */
    public record EndResponse(TransactionState state) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int8(state.ordinal());
        }

        public static EndResponse decode(WireReader in, int version) {
            return new EndResponse(in.enumValue(TransactionState.values(), "state"));
        }
    }

    /**
     * CHECK_TX request (broker → client). Wire: {@code string producerGroup, string transactionId,
     * string halfMessageId, int32 checkTimes, MessageView message}. The message shows the real topic and queue.
     */
    public record CheckRequest(String producerGroup, String transactionId, String halfMessageId, int checkTimes,
                               MessageView message) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(producerGroup).string(transactionId).string(halfMessageId).int32(checkTimes);
            message.encode(out);
        }

        public static CheckRequest decode(WireReader in, int version) {
            return new CheckRequest(in.requiredString("producerGroup"), in.string(),
                    in.requiredString("halfMessageId"), in.int32(), MessageView.decode(in));
        }
    }

    /** CHECK_TX response. Wire: {@code int8 resolution}. */
    public record CheckResponse(TransactionResolution resolution) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.int8(resolution.ordinal());
        }

        public static CheckResponse decode(WireReader in, int version) {
            return new CheckResponse(in.enumValue(TransactionResolution.values(), "resolution"));
        }
    }

    /** LIST_TRANSACTIONS request. Wire: {@code string producerGroup} (null = every group). */
    public record ListRequest(String producerGroup) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.string(producerGroup);
        }

        public static ListRequest decode(WireReader in, int version) {
            return new ListRequest(in.string());
        }
    }

    /**
     * One unresolved half message. Wire: {@code string transactionId, string producerGroup, string realTopic,
     * int32 realQueueId, string halfMessageId, int64 storeTimestamp, int32 checkTimes, int8 state}.
     *
     * @param transactionId  the client's id of the transaction (UNIQ_KEY)
     * @param producerGroup  the group whose producers are checked back, and whose name END_TX must carry
     * @param realTopic      topic the message goes to when committed
     * @param realQueueId    queue it goes to when committed
     * @param halfMessageId  broker id of the half message (what END_TX names)
     * @param storeTimestamp when the half message was stored
     * @param checkTimes     check-backs sent so far
     * @param state          {@code PENDING} (still checked back) or {@code PARKED} (waiting for an operator)
     */
    public record HalfMessageInfo(String transactionId, String producerGroup, String realTopic, int realQueueId,
                                  String halfMessageId, long storeTimestamp, int checkTimes,
                                  TransactionState state) {
        /** Fewest bytes one entry takes: four empty strings, two int32, an int64 and an int8. */
        static final int MIN_WIRE_SIZE = 4 * 2 + 2 * 4 + 8 + 1;

        void encode(WireWriter out) {
            out.string(transactionId).string(producerGroup).string(realTopic).int32(realQueueId)
                    .string(halfMessageId).int64(storeTimestamp).int32(checkTimes).int8(state.ordinal());
        }

        static HalfMessageInfo decode(WireReader in) {
            return new HalfMessageInfo(in.string(), in.requiredString("producerGroup"),
                    in.requiredString("realTopic"), in.int32(), in.requiredString("halfMessageId"), in.int64(),
                    in.int32(), in.enumValue(TransactionState.values(), "state"));
        }
    }

    /** LIST_TRANSACTIONS response. Wire: {@code list<HalfMessageInfo> transactions}, oldest first. */
    public record ListResponse(List<HalfMessageInfo> transactions) implements Body {
        @Override
        public void encode(WireWriter out, int version) {
            out.list(transactions, (w, t) -> t.encode(w));
        }

        public static ListResponse decode(WireReader in, int version) {
            return new ListResponse(in.list(HalfMessageInfo.MIN_WIRE_SIZE, HalfMessageInfo::decode));
        }
    }
}
