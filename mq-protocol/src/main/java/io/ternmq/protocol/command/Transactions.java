package io.ternmq.protocol.command;

import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;

/**
 * END_TX and CHECK_TX: the second phase of a transactional message. A half message is sent with SEND and the
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
}
