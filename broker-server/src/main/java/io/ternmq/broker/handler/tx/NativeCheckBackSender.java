package io.ternmq.broker.handler.tx;

import io.ternmq.broker.client.ClientConnection;
import io.ternmq.broker.handler.query.MessageViews;
import io.ternmq.broker.remoting.RemotingChannel;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.tx.CheckBackSender;
import io.ternmq.broker.tx.HalfMessage;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Transactions;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.MessageView;
import io.ternmq.protocol.message.TransactionResolution;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a check-back as CHECK_TX on a native connection and decodes the producer's answer. The message shows the
 * real topic and queue (as the producer sent it) and the check count.
 */
public final class NativeCheckBackSender implements CheckBackSender {

    @Override
    public CompletableFuture<TransactionResolution> check(ClientConnection producer, StoredMessage half,
                                                          HalfMessage info, int checkTimes, long timeoutMs) {
        if (!(producer instanceof RemotingChannel channel)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "not a native protocol connection: " + producer));
        }
        Transactions.CheckRequest request = new Transactions.CheckRequest(info.producerGroup(), info.transactionId(),
                info.halfId(), checkTimes, view(half, info, checkTimes));
        return channel.request(Commands.CHECK_TX, request, timeoutMs).thenApply(NativeCheckBackSender::decode);
    }

    private static TransactionResolution decode(Frame frame) {
        try {
            if (frame.status() != ErrorCode.SUCCESS.code()) {
                throw new IllegalStateException("CHECK_TX answered " + ErrorCode.forCode(frame.status()) + ": "
                        + Frames.errorMessage(frame));
            }
            return Frames.decodeResponse(Commands.CHECK_TX, frame).resolution();
        } finally {
            frame.release();
        }
    }

    static MessageView view(StoredMessage half, HalfMessage info, int checkTimes) {
        MessageView stored = MessageViews.of(half);
        Map<String, String> properties = new HashMap<>(stored.properties());
        properties.put(MessageProperties.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes));
        return new MessageView(info.realTopic(), info.realQueueId(), stored.queueOffset(), stored.commitLogOffset(),
                stored.messageId(), stored.storeTimestamp(), stored.bornTimestamp(), stored.bornHost(),
                stored.storeHost(), stored.flag(), stored.sysFlag(), stored.reconsumeTimes(), properties,
                stored.body());
    }
}
