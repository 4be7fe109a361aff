package io.ternmq.client.internal;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.client.testing.EmbeddedConnector;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route caching and refresh, against a scripted broker on an EmbeddedChannel. */
class TopicRouteCacheTest {
    private final EmbeddedConnector connector = new EmbeddedConnector();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private RemotingClient remoting;
    private TopicRouteCache cache;
    private EmbeddedConnector.Peer peer;

    @BeforeEach
    void setUp() {
        remoting = new RemotingClient(ClientConfig.builder().brokerAddress("b:1").build(), connector, Runnable::run);
        cache = new TopicRouteCache(remoting, Duration.ofSeconds(30), now::get);
    }

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    /** The next TOPIC_ROUTE request; the broker's hello is answered first when the connection is new. */
    private Frame nextRouteRequest() {
        if (peer == null) {
            peer = connector.last();
            peer.acceptHello();
        }
        Frame route = peer.expect();
        assertEquals(Commands.TOPIC_ROUTE.code(), route.command());
        return route;
    }

    private void answer(Frame request, int queues) {
        peer.respond(request, new Topics.Route(new Topics.Config("T", queues, 6, false), "b", "b:1", List.of()));
        request.release();
    }

    @Test
    void aMissingRouteIsFetchedOnceForEveryoneAsking() {
        CompletableFuture<TopicRoute> first = cache.route("T");
        CompletableFuture<TopicRoute> second = cache.route("T");
        assertFalse(first.isDone());
        answer(nextRouteRequest(), 4);
        assertNull(peer.read(), "one fetch");
        assertEquals(4, first.join().queues().size());
        assertEquals(4, second.join().queues().size());
    }

    @Test
    void anExpiredRouteIsServedWhileOneRefreshRuns() {
        CompletableFuture<TopicRoute> first = cache.route("T");
        answer(nextRouteRequest(), 4);
        assertEquals(4, first.join().queues().size());
        cache.route("T");
        assertNull(peer.read(), "fresh: no request");

        now.addAndGet(30_001);
        CompletableFuture<TopicRoute> stale = cache.route("T");
        assertTrue(stale.isDone(), "a send does not wait for the refresh");
        assertEquals(4, stale.join().queues().size());
        Frame refresh = nextRouteRequest();
        assertEquals(4, cache.route("T").join().queues().size());
        assertNull(peer.read(), "one refresh at a time");

        answer(refresh, 8);
        assertEquals(8, cache.route("T").join().queues().size(), "the refreshed route is used from then on");
        assertNull(peer.read());
    }

    @Test
    void aFailedRefreshKeepsTheOldRouteAndIsTriedAgain() {
        CompletableFuture<TopicRoute> first = cache.route("T");
        answer(nextRouteRequest(), 4);
        first.join();

        now.addAndGet(30_001);
        assertEquals(4, cache.route("T").join().queues().size());
        Frame refresh = nextRouteRequest();
        peer.write(Frames.error(peer.channel.alloc(), refresh, ErrorCode.SYSTEM_BUSY, "scripted"));
        refresh.release();

        assertEquals(4, cache.route("T").join().queues().size(), "still the old route");
        answer(nextRouteRequest(), 6);
        assertEquals(6, cache.route("T").join().queues().size());
    }
}
