package io.ternmq.client.internal;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Topics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Topic routes fetched with TOPIC_ROUTE and kept for {@code ttl}; a topic the broker does not know is cached as
 * "not yet created" (with the default queue count) for a shorter time so that it is picked up soon after the first
 * send creates it. Thread-safe.
 */
public final class TopicRouteCache {
    private record Entry(TopicRoute route, long expiresAtMs) {
    }

    private final RemotingClient remoting;
    private final Duration ttl;
    private final int defaultQueueNums;
    private final LongSupplier clock;
    private final Map<String, Entry> routes = new ConcurrentHashMap<>();

    public TopicRouteCache(RemotingClient remoting, Duration ttl, int defaultQueueNums) {
        this(remoting, ttl, defaultQueueNums, System::currentTimeMillis);
    }

    TopicRouteCache(RemotingClient remoting, Duration ttl, int defaultQueueNums, LongSupplier clock) {
        this.remoting = remoting;
        this.ttl = ttl;
        this.defaultQueueNums = defaultQueueNums;
        this.clock = clock;
    }

    /** The cached route, fetching it when missing or expired. */
    public CompletableFuture<TopicRoute> route(String topic) {
        Entry e = routes.get(topic);
        if (e != null && e.expiresAtMs > clock.getAsLong()) {
            return CompletableFuture.completedFuture(e.route);
        }
        return refresh(topic);
    }

    /** Fetches the route now, e.g. after a send failed or a rebalance found the topic missing. */
    public CompletableFuture<TopicRoute> refresh(String topic) {
        return remoting.invoke(Commands.TOPIC_ROUTE, new Topics.Name(topic)).handle((route, error) -> {
            TopicRoute r;
            long life = ttl.toMillis();
            if (error == null) {
                r = TopicRoute.of(route);
            } else if (error instanceof MQBrokerException b && b.errorCode() == ErrorCode.TOPIC_NOT_EXIST) {
                r = TopicRoute.notYetCreated(topic, defaultQueueNums);
                life = Math.min(life, 1000);
            } else {
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            routes.put(topic, new Entry(r, clock.getAsLong() + life));
            return r;
        });
    }

    /** Forgets a topic so the next call fetches it. */
    public void invalidate(String topic) {
        routes.remove(topic);
    }
}
