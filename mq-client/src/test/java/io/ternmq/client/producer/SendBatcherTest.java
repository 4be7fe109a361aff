package io.ternmq.client.producer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQBrokerException;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueueSelector;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.client.testing.EmbeddedConnector;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.Topics;
import io.ternmq.protocol.message.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-queue batching of single sends, against a scripted broker on an EmbeddedChannel (one thread). */
class SendBatcherTest {
    private final EmbeddedConnector connector = new EmbeddedConnector();
    private RemotingClient remoting;
    private MessageSender sender;
    private TopicRouteCache routes;
    private EmbeddedConnector.Peer peer;
    private int nextId;

    @BeforeEach
    void setUp() {
        remoting = new RemotingClient(ClientConfig.builder().brokerAddress("b:1").build(), connector, Runnable::run);
        routes = new TopicRouteCache(remoting, Duration.ofMinutes(1));
        sender = new MessageSender(remoting, routes, "pg", Duration.ofSeconds(3), 2);
        connectAndRoute();
    }

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    /** Fetches the route of T (4 queues) once, so later sends choose their queue at once. */
    private void connectAndRoute() {
        CompletableFuture<?> route = routes.route("T");
        peer = connector.last();
        peer.acceptHello();
        Frame req = peer.expect();
        peer.respond(req, new Topics.Route(new Topics.Config("T", 4, 6, false), "b", "b:1", List.of()));
        req.release();
        assertTrue(route.isDone());
    }

    private static QueueChoice queue(int id) {
        return new QueueChoice.Selected((queues, m, arg) -> queues.get(id), Message.of("T", "x"), null);
    }

    private CompletableFuture<SendResult> send(SendBatcher batcher, String body, QueueChoice choice) {
        String uniq = "U-" + body;
        OutgoingMessage m = new OutgoingMessage(Map.of("UNIQ_KEY", uniq), body.getBytes(StandardCharsets.UTF_8),
                0, 0, 0);
        return batcher.send("T", m, uniq, choice);
    }

    /** The broker here negotiated protocol version 1, so batches go as plain SENDs. */
    private MultiQueueSender multi() {
        return new MultiQueueSender(sender, remoting, routes, "pg", 1, 1 << 20);
    }

    private SendBatcher batcher(int maxMessages) {
        return new SendBatcher(sender, multi(), routes, new SendBatcher.Settings(maxMessages, 1 << 20, 0, 1),
                new QueueChoice.RoundRobin());
    }

    /** Reads the next SEND, answers it with offsets from {@code base}, and returns the bodies it carried. */
    private List<String> succeedNextSend(long base) {
        Frame req = peer.expect();
        Send.Request send = Frames.decodeRequest(Commands.SEND, req);
        List<String> bodies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (OutgoingMessage m : send.messages()) {
            bodies.add(new String(m.body(), StandardCharsets.UTF_8));
            ids.add("B" + (nextId++));
        }
        peer.respond(req, new Send.Response(send.queueId(), base, 1, ids));
        req.release();
        return bodies;
    }

    private int failNextSend(ErrorCode code) {
        Frame req = peer.expect();
        int queueId = Frames.decodeRequest(Commands.SEND, req).queueId();
        peer.write(Frames.error(peer.channel.alloc(), req, code, "scripted"));
        req.release();
        return queueId;
    }

    @Test
    void messagesSentWhileASendIsInFlightGoOutAsOneBatchEachWithItsOwnResult() throws Exception {
        try (SendBatcher batcher = batcher(256)) {
            CompletableFuture<SendResult> first = send(batcher, "a", queue(2));
            CompletableFuture<SendResult> b = send(batcher, "b", queue(2));
            CompletableFuture<SendResult> c = send(batcher, "c", queue(2));
            CompletableFuture<SendResult> d = send(batcher, "d", queue(2));
            assertEquals(List.of("a"), succeedNextSend(10), "nothing in flight: the first goes alone, at once");
            assertEquals(List.of("b", "c", "d"), succeedNextSend(11), "the rest waited and went as one SEND");
            assertNull(peer.read());
            assertEquals(10, first.get(1, TimeUnit.SECONDS).queueOffset());
            SendResult rc = c.get(1, TimeUnit.SECONDS);
            assertEquals(SendStatus.SEND_OK, rc.status());
            assertEquals("U-c", rc.msgId());
            assertEquals("B2", rc.offsetMsgId());
            assertEquals(12, rc.queueOffset());
            assertEquals(2, rc.messageQueue().queueId());
            assertEquals(11, b.get().queueOffset());
            assertEquals(13, d.get().queueOffset());
        }
    }

    @Test
    void plainSendsKeepUpToMaxInFlightSendsPerQueueBeforeBatching() throws Exception {
        QueueChoice alwaysQueue1 = new QueueChoice() {
            @Override
            public io.ternmq.client.MessageQueue choose(List<io.ternmq.client.MessageQueue> queues,
                                                        io.ternmq.client.MessageQueue lastFailed) {
                return queues.get(1);
            }

            @Override
            public boolean retryElsewhere() {
                return true;
            }
        };
        try (SendBatcher batcher = new SendBatcher(sender, multi(), routes, new SendBatcher.Settings(256, 1 << 20, 0, 2),
                new QueueChoice.RoundRobin())) {
            List<CompletableFuture<SendResult>> results = new ArrayList<>();
            for (String body : List.of("a", "b", "c", "d")) {
                results.add(send(batcher, body, alwaysQueue1));
            }
            Frame first = peer.expect();
            Frame second = peer.expect();
            assertNull(peer.read(), "c and d wait: two SENDs are in flight");
            Send.Request a = Frames.decodeRequest(Commands.SEND, first);
            peer.respond(first, new Send.Response(a.queueId(), 0, 1, List.of("B0")));
            first.release();
            assertEquals(List.of("c", "d"), succeedNextSend(2), "the first answer lets the waiting ones go together");
            Send.Request b = Frames.decodeRequest(Commands.SEND, second);
            peer.respond(second, new Send.Response(b.queueId(), 1, 1, List.of("B1")));
            second.release();
            for (int i = 0; i < 4; i++) {
                assertEquals(i, results.get(i).get(1, TimeUnit.SECONDS).queueOffset());
            }
        }
    }

    @Test
    void orderedSendsMadeWhileTheRouteIsFetchedKeepSendOrder() throws Exception {
        try (SendBatcher batcher = batcher(256)) {
            List<CompletableFuture<SendResult>> results = new ArrayList<>();
            for (String body : List.of("1", "2", "3", "4")) {
                OutgoingMessage m = new OutgoingMessage(Map.of("UNIQ_KEY", "U-" + body),
                        body.getBytes(StandardCharsets.UTF_8), 0, 0, 0);
                results.add(batcher.send("NEW", m, "U-" + body, queue(1)));
            }
            Frame routeRequest = peer.expect();
            peer.respond(routeRequest, new Topics.Route(new Topics.Config("NEW", 4, 6, false), "b", "b:1", List.of()));
            routeRequest.release();
            // a future's dependents run last-registered first: without the gate this would be [4] then [3, 2, 1]
            assertEquals(List.of("1"), succeedNextSend(0));
            assertEquals(List.of("2", "3", "4"), succeedNextSend(1));
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i, results.get(i).get(1, TimeUnit.SECONDS).queueOffset());
            }
        }
    }

    @Test
    void batchesAreCutAtBatchMaxMessagesAndKeepSendOrder() throws Exception {
        try (SendBatcher batcher = batcher(2)) {
            List<CompletableFuture<SendResult>> results = new ArrayList<>();
            for (String body : List.of("1", "2", "3", "4", "5")) {
                results.add(send(batcher, body, queue(0)));
            }
            assertEquals(List.of("1"), succeedNextSend(0));
            assertEquals(List.of("2", "3"), succeedNextSend(1));
            assertEquals(List.of("4", "5"), succeedNextSend(3));
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i, results.get(i).get(1, TimeUnit.SECONDS).queueOffset());
            }
        }
    }

    @Test
    void aFailedOrderedBatchFailsEveryMessageInItAndIsNotRetried() {
        try (SendBatcher batcher = batcher(256)) {
            CompletableFuture<SendResult> first = send(batcher, "a", queue(1));
            CompletableFuture<SendResult> b = send(batcher, "b", queue(1));
            CompletableFuture<SendResult> c = send(batcher, "c", queue(1));
            succeedNextSend(0);
            failNextSend(ErrorCode.SYSTEM_BUSY);
            assertNull(peer.read(), "an ordered batch stays on its queue");
            assertTrue(first.isDone() && !first.isCompletedExceptionally());
            MQBrokerException eb = brokerFailure(b);
            assertEquals(ErrorCode.SYSTEM_BUSY, eb.errorCode());
            assertSame(eb, brokerFailure(c));
        }
    }

    @Test
    void aRetriableFailureMovesTheWholeUnorderedBatchToAnotherQueue() throws Exception {
        try (SendBatcher batcher = batcher(256)) {
            QueueChoice pinnedFirst = new QueueChoice.RoundRobin();
            CompletableFuture<SendResult> a = send(batcher, "a", pinnedFirst);
            int failedOn = failNextSend(ErrorCode.SYSTEM_BUSY);
            Frame retry = peer.expect();
            Send.Request resent = Frames.decodeRequest(Commands.SEND, retry);
            assertNotEquals(failedOn, resent.queueId());
            peer.respond(retry, new Send.Response(resent.queueId(), 5, 1, List.of("B")));
            retry.release();
            SendResult r = a.get(1, TimeUnit.SECONDS);
            assertEquals(resent.queueId(), r.messageQueue().queueId());
            assertEquals(5, r.queueOffset());
        }
    }

    @Test
    void flushDiskTimeoutOfABatchIsEachMessagesResult() throws Exception {
        try (SendBatcher batcher = batcher(256)) {
            send(batcher, "a", queue(3));
            CompletableFuture<SendResult> b = send(batcher, "b", queue(3));
            CompletableFuture<SendResult> c = send(batcher, "c", queue(3));
            succeedNextSend(0);
            failNextSend(ErrorCode.FLUSH_DISK_TIMEOUT);
            assertEquals(SendStatus.FLUSH_DISK_TIMEOUT, b.get(1, TimeUnit.SECONDS).status());
            assertEquals("U-c", c.get(1, TimeUnit.SECONDS).msgId());
            assertEquals(-1, c.get().queueOffset());
            assertNull(peer.read(), "retrying would store the batch twice");
        }
    }

    @Test
    void closingFailsMessagesThatWereNotSentYet() {
        SendBatcher batcher = batcher(256);
        send(batcher, "a", queue(0));
        CompletableFuture<SendResult> waiting = send(batcher, "b", queue(0));
        batcher.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(1, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
    }

    @Test
    void delayedAndHalfMessagesAreNotBatchableBecauseTheBrokerRefusesThemInABatch() {
        assertTrue(SendBatcher.batchable(new OutgoingMessage(Map.of("KEYS", "k"), new byte[1], 0, 0, 0)));
        assertTrue(!SendBatcher.batchable(new OutgoingMessage(Map.of("DELAY", "3"), new byte[1], 0, 0, 0)));
        assertTrue(!SendBatcher.batchable(new OutgoingMessage(Map.of("TIMER_DELIVER_MS", "9"), new byte[1], 0, 0, 0)));
        assertTrue(!SendBatcher.batchable(new OutgoingMessage(Map.of("TRAN_MSG", "true"), new byte[1], 0, 0, 0)));
    }

    private static MQBrokerException brokerFailure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
        return assertInstanceOf(MQBrokerException.class, e.getCause());
    }
}
