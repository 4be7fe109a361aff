package io.ternmq.broker.tx;

import io.netty.buffer.ByteBufAllocator;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.command.Pull;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.Transactions;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.OutgoingMessage;
import io.ternmq.protocol.message.Subscription;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A transaction producer spoken over {@link RawClient}: half sends, END_TX, CHECK_TX answers, and reads. */
final class TxClient implements AutoCloseable {
    static final String GROUP = "pg-tx";
    final RawClient raw;

    TxClient(int port) throws IOException {
        raw = new RawClient(port);
    }

    /** Registers this connection as a live producer of {@link #GROUP}. */
    TxClient heartbeat(String clientId) throws IOException {
        raw.call(Commands.HEARTBEAT, new Heartbeat.Request(clientId, List.of(GROUP), List.of())).ok();
        return this;
    }

    /** Sends a half message; returns the half message id. */
    String sendHalf(String topic, String txId, String body) throws IOException {
        OutgoingMessage m = new OutgoingMessage(Map.of(MessageProperties.TRANSACTION_PREPARED, "true",
                MessageProperties.PRODUCER_GROUP, GROUP, MessageProperties.UNIQ_KEY, txId),
                body.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(), 0, 0);
        return raw.call(Commands.SEND, new Send.Request(GROUP, topic, 0, List.of(m))).ok().messageIds().get(0);
    }

    RawClient.Response<Transactions.EndResponse> end(String halfId, TransactionResolution resolution)
            throws IOException {
        return raw.call(Commands.END_TX, new Transactions.EndRequest(GROUP, null, halfId, resolution, false));
    }

    /** Waits for a CHECK_TX and answers it. */
    Transactions.CheckRequest answerCheck(TransactionResolution answer, Duration timeout) throws IOException {
        Frame request = raw.awaitServerRequest(timeout);
        try {
            if (request.command() != Commands.CHECK_TX.code()) {
                throw new AssertionError("expected CHECK_TX, got " + request);
            }
            Transactions.CheckRequest check = Frames.decodeRequest(Commands.CHECK_TX, request);
            raw.send(Frames.response(ByteBufAllocator.DEFAULT, request, new Transactions.CheckResponse(answer)));
            return check;
        } finally {
            request.release();
        }
    }

    /** Every message of queue 0 of a topic. */
    List<MessageView> readAll(String topic) throws IOException {
        List<MessageView> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            Pull.Response r = raw.call(Commands.PULL, new Pull.Request("cg-tx", topic, 0, offset, 64, 1 << 20, 0L,
                    Subscription.all(topic), -1L)).ok();
            if (r.messages().isEmpty()) {
                return out;
            }
            out.addAll(r.messages());
            offset = r.nextOffset();
        }
    }

    static TransactionState state(RawClient.Response<Transactions.EndResponse> response) {
        return response.ok().state();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
