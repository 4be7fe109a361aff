package io.ternmq.client.producer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQBrokerException;
import io.ternmq.client.Message;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.client.testing.EmbeddedConnector;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Hello;
import io.ternmq.protocol.command.Send;
import io.ternmq.protocol.command.SendMulti;
import io.ternmq.protocol.command.Topics;
import io.ternmq.protocol.message.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cross-queue batching into SEND_MULTI, against a scripted broker on an EmbeddedChannel (one thread). */
class MultiQueueSenderTest {
    private final EmbeddedConnector connector = new EmbeddedConnector();
    private RemotingClient remoting;
    private MessageSender sender;
    private TopicRouteCache routes;
    private EmbeddedConnector.Peer peer;

    /** Connects with the given negotiated version and fetches the route of T (4 queues). */
    private SendBatcher connect(int brokerVersion) {
        remoting = new RemotingClient(ClientConfig.builder().brokerAddress("b:1").build(), connector, Runnable::run);
        routes = new TopicRouteCache(remoting, Duration.ofMinutes(1));
        sender = new MessageSender(remoting, routes, "pg", Duration.ofSeconds(3), 0);
        CompletableFuture<?> route = routes.route("T");
        peer = connector.last();
        Frame hello = peer.expect();
        peer.respond(hello, new Hello.Response(brokerVersion, "b", "1", 1 << 20, 1 << 20));
        hello.release();
        Frame req = peer.expect();
        peer.respond(req, new Topics.Route(new Topics.Config("T", 4, 6, false), "b", "b:1", List.of()));
        req.release();
        route.join();
        return new SendBatcher(sender, new MultiQueueSender(sender, remoting, routes, "pg", 1, 1 << 20), routes,
                new SendBatcher.Settings(256, 1 << 20, 0, 1), new QueueChoice.RoundRobin());
    }

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    private static QueueChoice queue(int id) {
        return new QueueChoice.Selected((queues, m, arg) -> queues.get(id), Message.of("T", "x"), null);
    }

    private static CompletableFuture<SendResult> send(SendBatcher batcher, String body, int queueId) {
        OutgoingMessage m = new OutgoingMessage(Map.of("UNIQ_KEY", "U-" + body),
                body.getBytes(StandardCharsets.UTF_8), 0, 0, 0);
        return batcher.send("T", m, "U-" + body, queue(queueId));
    }

    @Test
    void batchesOfQueuesReadyTogetherShareOneRequestAndAFailedEntryFailsOnlyItsMessages() throws Exception {
        try (SendBatcher batcher = connect(2)) {
            CompletableFuture<SendResult> a = send(batcher, "a", 0);
            CompletableFuture<SendResult> b = send(batcher, "b", 1);
            CompletableFuture<SendResult> c = send(batcher, "c", 2);
            CompletableFuture<SendResult> c2 = send(batcher, "c2", 2);
            CompletableFuture<SendResult> d = send(batcher, "d", 3);

            Frame first = peer.expect();
            assertEquals(Commands.SEND.code(), first.command(), "nothing in flight: the first batch goes alone");
            assertNull(peer.read(), "the others wait for the request in flight");
            peer.respond(first, new Send.Response(0, 0, 1, List.of("B0")));
            first.release();
            assertEquals(0, a.get(1, TimeUnit.SECONDS).queueOffset());

            Frame multi = peer.expect();
            SendMulti.Request r = Frames.decodeRequest(Commands.SEND_MULTI, multi);
            assertEquals(List.of(1, 2, 3), r.entries().stream().map(SendMulti.Entry::queueId).toList(),
                    "the batches that waited travel together, in the order they became ready");
            assertNull(peer.read(), "c2 waits behind c: its queue has one batch in flight");
            peer.respond(multi, new SendMulti.Response(List.of(
                    SendMulti.EntryResult.ok(new Send.Response(1, 10, 1, List.of("B1"))),
                    SendMulti.EntryResult.failed(2, ErrorCode.MESSAGE_ILLEGAL, "scripted"),
                    SendMulti.EntryResult.ok(new Send.Response(3, 30, 1, List.of("B3"))))));
            multi.release();

            assertEquals(10, b.get(1, TimeUnit.SECONDS).queueOffset());
            assertEquals("B3", d.get(1, TimeUnit.SECONDS).offsetMsgId());
            assertEquals(3, d.get().messageQueue().queueId());
            ExecutionException e = assertThrows(ExecutionException.class, () -> c.get(1, TimeUnit.SECONDS));
            assertEquals(ErrorCode.MESSAGE_ILLEGAL, assertInstanceOf(MQBrokerException.class, e.getCause()).errorCode());

            Frame after = peer.expect();
            assertEquals(Commands.SEND.code(), after.command(), "c2 goes once c has its answer, alone");
            assertEquals(2, Frames.decodeRequest(Commands.SEND, after).queueId());
            peer.respond(after, new Send.Response(2, 20, 1, List.of("B2")));
            after.release();
            assertEquals(20, c2.get(1, TimeUnit.SECONDS).queueOffset());
        }
    }

    @Test
    void aBrokerWithoutSendMultiGetsPlainSends() throws Exception {
        try (SendBatcher batcher = connect(1)) {
            CompletableFuture<SendResult> a = send(batcher, "a", 0);
            CompletableFuture<SendResult> b = send(batcher, "b", 1);
            for (int i = 0; i < 2; i++) {
                Frame req = peer.expect();
                assertEquals(Commands.SEND.code(), req.command());
                Send.Request s = Frames.decodeRequest(Commands.SEND, req);
                peer.respond(req, new Send.Response(s.queueId(), 5, 1, List.of("B")));
                req.release();
            }
            assertEquals(5, a.get(1, TimeUnit.SECONDS).queueOffset());
            assertEquals(1, b.get(1, TimeUnit.SECONDS).messageQueue().queueId());
        }
    }
}
