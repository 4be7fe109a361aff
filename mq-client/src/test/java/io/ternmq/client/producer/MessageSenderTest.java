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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Queue choice, retries and result mapping of a send, against a scripted broker on an EmbeddedChannel. */
class MessageSenderTest {
    private final EmbeddedConnector connector = new EmbeddedConnector();
    private RemotingClient remoting;
    private MessageSender sender;
    private EmbeddedConnector.Peer peer;

    @BeforeEach
    void setUp() {
        remoting = new RemotingClient(ClientConfig.builder().brokerAddress("b:1").build(), connector, Runnable::run);
        sender = new MessageSender(remoting, new TopicRouteCache(remoting, Duration.ofMinutes(1)), "pg",
                Duration.ofSeconds(3), 2);
    }

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    private CompletableFuture<SendResult> send(QueueChoice choice) {
        OutgoingMessage m = new OutgoingMessage(Map.of(), new byte[]{1}, 0, 0, 0);
        CompletableFuture<SendResult> f = sender.send("T", List.of(m), "UNIQ", choice);
        peer = connector.last();
        peer.acceptHello();
        Frame route = peer.expect();
        assertEquals(Commands.TOPIC_ROUTE.code(), route.command());
        peer.respond(route, new Topics.Route(new Topics.Config("T", 4, 6, false), "b", "b:1", List.of()));
        route.release();
        return f;
    }

    /** Reads the next SEND and answers it with an error, returning its queue id. */
    private int failNextSend(ErrorCode code) {
        Frame req = peer.expect();
        int queueId = Frames.decodeRequest(Commands.SEND, req).queueId();
        peer.write(Frames.error(peer.channel.alloc(), req, code, "scripted"));
        req.release();
        return queueId;
    }

    private int succeedNextSend() {
        Frame req = peer.expect();
        int queueId = Frames.decodeRequest(Commands.SEND, req).queueId();
        peer.respond(req, new Send.Response(queueId, 7, 1, List.of("BROKER-ID")));
        req.release();
        return queueId;
    }

    @Test
    void retriableFailureIsRetriedOnAnotherQueue() throws Exception {
        CompletableFuture<SendResult> f = send(new QueueChoice.RoundRobin());
        int first = failNextSend(ErrorCode.SYSTEM_BUSY);
        int second = succeedNextSend();
        assertNotEquals(first, second);
        SendResult r = f.get(1, TimeUnit.SECONDS);
        assertEquals(SendStatus.SEND_OK, r.status());
        assertEquals("UNIQ", r.msgId());
        assertEquals("BROKER-ID", r.offsetMsgId());
        assertEquals(7, r.queueOffset());
        assertEquals(second, r.messageQueue().queueId());
    }

    @Test
    void retriesStopAfterRetryTimesWhenSendFailed() {
        CompletableFuture<SendResult> f = send(new QueueChoice.RoundRobin());
        failNextSend(ErrorCode.SYSTEM_BUSY);
        failNextSend(ErrorCode.SYSTEM_BUSY);
        failNextSend(ErrorCode.SERVICE_NOT_AVAILABLE);
        assertEquals(ErrorCode.SERVICE_NOT_AVAILABLE, brokerFailure(f).errorCode());
        assertNull(peer.read(), "1 attempt + 2 retries, then give up");
    }

    @Test
    void nonRetriableFailureIsNotRetried() {
        CompletableFuture<SendResult> f = send(new QueueChoice.RoundRobin());
        failNextSend(ErrorCode.MESSAGE_TOO_LARGE);
        assertEquals(ErrorCode.MESSAGE_TOO_LARGE, brokerFailure(f).errorCode());
        assertNull(peer.read(), "no second attempt");
    }

    @Test
    void orderedSendIsNotRetriedOnAnotherQueue() {
        Message msg = Message.of("T", "x");
        CompletableFuture<SendResult> f = send(new QueueChoice.Selected(MessageQueueSelector.byHash(), msg, "key"));
        failNextSend(ErrorCode.SYSTEM_BUSY);
        assertEquals(ErrorCode.SYSTEM_BUSY, brokerFailure(f).errorCode());
        assertNull(peer.read(), "an ordered send stays on its queue");
    }

    @Test
    void flushDiskTimeoutIsAResultNotARetry() throws Exception {
        CompletableFuture<SendResult> f = send(new QueueChoice.RoundRobin());
        int queue = failNextSend(ErrorCode.FLUSH_DISK_TIMEOUT);
        SendResult r = f.get(1, TimeUnit.SECONDS);
        assertEquals(SendStatus.FLUSH_DISK_TIMEOUT, r.status());
        assertEquals(queue, r.messageQueue().queueId());
        assertNull(peer.read(), "retrying would store the message twice");
    }

    private static MQBrokerException brokerFailure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
        return assertInstanceOf(MQBrokerException.class, e.getCause());
    }
}
