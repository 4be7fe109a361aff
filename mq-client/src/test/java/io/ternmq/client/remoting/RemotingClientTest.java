package io.ternmq.client.remoting;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQBrokerException;
import io.ternmq.client.MQClientException;
import io.ternmq.client.RemotingException;
import io.ternmq.client.testing.EmbeddedConnector;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerList;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Hello;
import io.ternmq.protocol.command.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemotingClientTest {
    private final EmbeddedConnector connector = new EmbeddedConnector();
    private RemotingClient client;

    @BeforeEach
    void setUp() {
        ClientConfig config = ClientConfig.builder().brokerAddress("broker:1").clientId("test-client")
                .requestTimeout(Duration.ofSeconds(2)).build();
        client = new RemotingClient(config, connector, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** Answers the HELLO the client sends first on a new connection. */
    private EmbeddedConnector.Peer handshake() {
        EmbeddedConnector.Peer peer = connector.last();
        Frame hello = peer.expect();
        assertEquals(Commands.HELLO.code(), hello.command());
        peer.respond(hello, new Hello.Response(ProtocolVersion.CURRENT, "b", "1", 1 << 20, 1 << 20));
        hello.release();
        return peer;
    }

    @Test
    void helloIsSentFirstAsVersionOneWithTheSupportedRange() throws Exception {
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE);
        Frame hello = connector.last().expect();
        assertEquals(Commands.HELLO.code(), hello.command());
        assertEquals(1, hello.version());
        Hello.Request body = Frames.decodeRequest(Commands.HELLO, hello);
        assertEquals(ProtocolVersion.MIN_SUPPORTED, body.minVersion());
        assertEquals(ProtocolVersion.CURRENT, body.maxVersion());
        assertEquals("test-client", body.clientId());
        assertNull(connector.last().read(), "nothing else may be sent before HELLO is answered");
        connector.last().respond(hello, new Hello.Response(1, "b", "1", 1 << 20, 1 << 20));
        hello.release();
        Frame list = connector.last().expect();
        assertEquals(Commands.LIST_TOPICS.code(), list.command());
        connector.last().respond(list, new Topics.ListResponse(List.of("t")));
        list.release();
        assertEquals(List.of("t"), f.get(1, TimeUnit.SECONDS).topics());
        assertEquals(1, client.protocolVersion());
    }

    @Test
    void responsesAreMatchedToRequestsByIdEvenOutOfOrder() throws Exception {
        CompletableFuture<Topics.Route> a = client.invoke(Commands.TOPIC_ROUTE, new Topics.Name("A"));
        EmbeddedConnector.Peer peer = handshake();
        CompletableFuture<Topics.Route> b = client.invoke(Commands.TOPIC_ROUTE, new Topics.Name("B"));
        Frame ra = peer.expect();
        Frame rb = peer.expect();
        assertFalse(ra.requestId() == rb.requestId());
        peer.respond(rb, route("B"));
        peer.respond(ra, route("A"));
        ra.release();
        rb.release();
        assertEquals("A", a.get(1, TimeUnit.SECONDS).config().topic());
        assertEquals("B", b.get(1, TimeUnit.SECONDS).config().topic());
    }

    @Test
    void requestWithoutResponseFailsWithTimeout() {
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE,
                Duration.ofMillis(100));
        EmbeddedConnector.Peer peer = handshake();
        peer.expect().release();
        RemotingException e = assertInstanceOf(RemotingException.class, failure(f));
        assertEquals(RemotingException.Kind.TIMEOUT, e.kind());
        assertTrue(e.retriable());
    }

    @Test
    void lateResponseAfterTimeoutIsDropped() {
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE,
                Duration.ofMillis(50));
        EmbeddedConnector.Peer peer = handshake();
        Frame req = peer.expect();
        failure(f);
        peer.respond(req, new Topics.ListResponse(List.of()));
        req.release();
        assertTrue(peer.channel.isActive(), "a late response must not break the connection");
    }

    @Test
    void errorResponseBecomesBrokerExceptionWithCodeAndMessage() {
        CompletableFuture<Topics.Route> f = client.invoke(Commands.TOPIC_ROUTE, new Topics.Name("nope"));
        EmbeddedConnector.Peer peer = handshake();
        Frame req = peer.expect();
        peer.write(Frames.error(peer.channel.alloc(), req, ErrorCode.TOPIC_NOT_EXIST, "topic nope does not exist"));
        req.release();
        MQBrokerException e = assertInstanceOf(MQBrokerException.class, failure(f));
        assertEquals(ErrorCode.TOPIC_NOT_EXIST, e.errorCode());
        assertTrue(e.getMessage().contains("topic nope does not exist"));
        assertFalse(e.retriable());
    }

    @Test
    void retriableBrokerErrorsAreMarkedRetriable() {
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE);
        EmbeddedConnector.Peer peer = handshake();
        Frame req = peer.expect();
        peer.write(Frames.error(peer.channel.alloc(), req, ErrorCode.SYSTEM_BUSY, "busy"));
        req.release();
        assertTrue(failure(f).retriable());
    }

    @Test
    void oneWayRequestIsFlaggedAndNeedsNoResponse() throws Exception {
        client.connect();
        EmbeddedConnector.Peer peer = handshake();
        client.invokeOneWay(Commands.UNREGISTER_CLIENT, new io.ternmq.protocol.command.Heartbeat.Unregister("x"))
                .get(1, TimeUnit.SECONDS);
        Frame f = peer.expect();
        assertTrue(f.isOneWay());
        assertEquals(Commands.UNREGISTER_CLIENT.code(), f.command());
        f.release();
    }

    @Test
    void serverInitiatedOneWayRequestReachesItsHandler() throws Exception {
        List<String> groups = new CopyOnWriteArrayList<>();
        client.registerHandler(Commands.NOTIFY_CONSUMER_IDS_CHANGED, req -> {
            groups.add(req.group());
            return Empty.INSTANCE;
        });
        client.connect();
        EmbeddedConnector.Peer peer = handshake();
        peer.request(Commands.NOTIFY_CONSUMER_IDS_CHANGED, new ConsumerList.GroupRequest("g1"), 77, true);
        assertEquals(List.of("g1"), groups);
        assertNull(peer.read(), "no response to a one-way request");
    }

    @Test
    void serverInitiatedRequestGetsTheHandlersResponse() {
        client.registerHandler(Commands.NOTIFY_CONSUMER_IDS_CHANGED, req -> Empty.INSTANCE);
        client.connect();
        EmbeddedConnector.Peer peer = handshake();
        peer.request(Commands.NOTIFY_CONSUMER_IDS_CHANGED, new ConsumerList.GroupRequest("g1"), 78, false);
        Frame resp = peer.expect();
        assertTrue(resp.isResponse());
        assertEquals(78, resp.requestId());
        assertEquals(0, resp.status());
        resp.release();
    }

    @Test
    void unknownServerRequestIsAnsweredWithUnsupportedCommand() {
        client.connect();
        EmbeddedConnector.Peer peer = handshake();
        peer.request(Commands.NOTIFY_CONSUMER_IDS_CHANGED, new ConsumerList.GroupRequest("g"), 5, false);
        Frame resp = peer.expect();
        assertEquals(ErrorCode.UNSUPPORTED_COMMAND.code(), resp.status());
        resp.release();
    }

    @Test
    void pendingRequestsFailWhenTheConnectionCloses() {
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE);
        EmbeddedConnector.Peer peer = handshake();
        peer.expect().release();
        peer.channel.close();
        RemotingException e = assertInstanceOf(RemotingException.class, failure(f));
        assertEquals(RemotingException.Kind.CONNECTION_CLOSED, e.kind());
    }

    @Test
    void nextRequestAfterConnectionLossReconnectsWithANewHandshake() throws Exception {
        client.connect();
        handshake().channel.close();
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE);
        assertEquals(2, connector.peers.size());
        EmbeddedConnector.Peer peer = handshake();
        Frame req = peer.expect();
        peer.respond(req, new Topics.ListResponse(List.of("x")));
        req.release();
        assertEquals(List.of("x"), f.get(1, TimeUnit.SECONDS).topics());
    }

    @Test
    void connectFailureIsARetriableRemotingException() {
        connector.refuse = true;
        RemotingException e = assertInstanceOf(RemotingException.class,
                failure(client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE)));
        assertEquals(RemotingException.Kind.CONNECT_FAILED, e.kind());
        assertTrue(e.retriable());
    }

    @Test
    void unsupportedVersionInHelloFailsTheConnection() {
        CompletableFuture<Topics.ListResponse> f = client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE);
        EmbeddedConnector.Peer peer = connector.last();
        Frame hello = peer.expect();
        peer.write(Frames.error(peer.channel.alloc(), hello, ErrorCode.UNSUPPORTED_VERSION, "no common version"));
        hello.release();
        MQBrokerException e = assertInstanceOf(MQBrokerException.class, failure(f));
        assertEquals(ErrorCode.UNSUPPORTED_VERSION, e.errorCode());
        assertFalse(peer.channel.isActive());
    }

    @Test
    void closedClientRejectsRequests() {
        client.close();
        MQClientException e = failure(client.invoke(Commands.LIST_TOPICS, Empty.INSTANCE));
        assertEquals(ErrorCode.SERVICE_NOT_AVAILABLE, e.errorCode());
    }

    private static Topics.Route route(String topic) {
        return new Topics.Route(new Topics.Config(topic, 4, 6, false), "b", "h:1", List.of());
    }

    private static MQClientException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(MQClientException.class, e.getCause());
    }
}
