package io.ternmq.client.consumer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.client.testing.EmbeddedConnector;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.SendBack;
import io.ternmq.protocol.message.MessageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The clustering failure policy against a scripted broker: what the broker takes is acked, the rest retried here. */
class BrokerSendBackTest {
    private final EmbeddedConnector connector = new EmbeddedConnector();
    private final MessageQueue mq = new MessageQueue("T", 0);
    private final ProcessQueue pq = new ProcessQueue(mq);
    private final List<MessageExt> retriedLocally = new ArrayList<>();
    private final List<Long> committed = new ArrayList<>();
    private RemotingClient remoting;
    private ConsumeService service;
    private BrokerSendBack policy;

    @BeforeEach
    void setUp() {
        remoting = new RemotingClient(ClientConfig.builder().brokerAddress("b:1").build(), connector, Runnable::run);
        ConsumerSettings settings = new ConsumerSettings("cg", MessageModel.CLUSTERING, Map.of(),
                ConsumeFromWhere.FIRST_OFFSET, 0, 1, 32, 1, 1000, 100, AllocateStrategy.AVERAGE, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(1), Path.of("."), "i", OrderlySettings.DEFAULTS);
        service = new ConsumeService(settings, (msgs, ctx) -> ConsumeStatus.CONSUME_SUCCESS, new RecordingOffsets(),
                "c1");
        policy = new BrokerSendBack(remoting, "cg", 5, (q, msgs, ctx, s) -> retriedLocally.addAll(msgs));
        pq.start(10);
        pq.putMessages(List.of(msg(10), msg(11)), 12);
    }

    @AfterEach
    void tearDown() throws Exception {
        remoting.close();
        service.shutdown(1000);
    }

    private static MessageExt msg(long offset) {
        return new MessageExt("T", 0, offset, "uniq" + offset, "broker" + offset, null, List.of(), Map.of(),
                new byte[1], 0, 0, 2, "h", offset);
    }

    /** Answers the next SEND_BACK: success for {@code okId}, QUERY_NOT_FOUND for any other message. */
    private SendBack.Request answerSendBack(EmbeddedConnector.Peer peer, String okId) {
        Frame req = peer.expect();
        SendBack.Request request = Frames.decodeRequest(Commands.SEND_BACK, req);
        if (request.messageId().equals(okId)) {
            peer.respond(req, new SendBack.Response(SendBack.Outcome.RETRY, "%RETRY%cg", "copy", 3));
        } else {
            peer.write(Frames.error(peer.channel.alloc(), req, ErrorCode.QUERY_NOT_FOUND, "scripted"));
        }
        req.release();
        return request;
    }

    @Test
    void messagesTheBrokerTookAreAckedAndTheOthersAreRetriedLocally() {
        ConsumeContext context = new ConsumeContext(mq, "cg");
        context.delayLevelWhenNextConsume(4);
        policy.onFailure(pq, List.of(msg(10), msg(11)), context, service);
        EmbeddedConnector.Peer peer = connector.last();
        peer.acceptHello();

        List<SendBack.Request> sent = new ArrayList<>(List.of(answerSendBack(peer, "broker10"),
                answerSendBack(peer, "broker10")));
        sent.sort(java.util.Comparator.comparing(SendBack.Request::messageId));
        assertEquals(new SendBack.Request("cg", "broker10", 4, 5), sent.get(0), "broker id, listener's level, limit");
        assertEquals("broker11", sent.get(1).messageId());
        peer.channel.runPendingTasks();

        assertEquals(List.of(11L), retriedLocally.stream().map(MessageExt::queueOffset).toList());
        assertEquals(List.of(11L), committed, "offset 10 acked, 11 still held back by the local retry");
    }

    /** Records commits; nothing else is needed by the policy. */
    private final class RecordingOffsets implements OffsetStore {
        @Override
        public CompletableFuture<OptionalLong> read(MessageQueue q) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }

        @Override
        public void update(MessageQueue q, long offset, boolean force) {
            committed.add(offset);
        }

        @Override
        public long current(MessageQueue q) {
            return -1;
        }

        @Override
        public void persist(Collection<MessageQueue> queues) {
        }

        @Override
        public void remove(MessageQueue q) {
        }
    }
}
