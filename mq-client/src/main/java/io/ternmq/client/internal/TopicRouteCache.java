package io.ternmq.client.internal;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Topics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Topic routes fetched with TOPIC_ROUTE and refreshed after {@code ttl} (in the background: see {@link #route}); a
 * topic the broker does not know is cached as "not yet created" (with the default queue count) for a shorter time so
 * that it is picked up soon after the first send creates it. Concurrent lookups of a topic that is not cached share one fetch (the first sends to a new topic,
 * from many threads, would otherwise each ask the broker). Thread-safe.
 */
public final class TopicRouteCache {
    private record Entry(TopicRoute route, long expiresAtMs) {
    }

    private final RemotingClient remoting;
    private final Duration ttl;
    private volatile CompletableFuture<Integer> brokerDefaultQueueNums;
    private final LongSupplier clock;
    private final Map<String, Entry> routes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TopicRoute>> fetching = new ConcurrentHashMap<>();

    public TopicRouteCache(RemotingClient remoting, Duration ttl) {
        this(remoting, ttl, System::currentTimeMillis);
    }

    TopicRouteCache(RemotingClient remoting, Duration ttl, LongSupplier clock) {
        this.remoting = remoting;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The cached route. A missing route is fetched (the caller waits for it); an expired one is returned as it is
     * while one refresh runs in the background, so sends to a busy topic never stall on the route's expiry (as a
     * RocketMQ client refreshes its routes on a timer). A failed background refresh keeps the old route and the next
     * call tries again.
     */
    public CompletableFuture<TopicRoute> route(String topic) {
        Entry e = routes.get(topic);
        if (e == null) {
            return fetchShared(topic);
        }
        if (e.expiresAtMs <= clock.getAsLong()) {
            fetchShared(topic);
        }
        return CompletableFuture.completedFuture(e.route);
    }

    /** One fetch of the topic's route at a time, shared by everyone asking meanwhile. */
    private CompletableFuture<TopicRoute> fetchShared(String topic) {
        CompletableFuture<TopicRoute> shared = new CompletableFuture<>();
        CompletableFuture<TopicRoute> earlier = fetching.putIfAbsent(topic, shared);
        if (earlier != null) {
            return earlier;
        }
        refresh(topic).whenComplete((route, error) -> {
            fetching.remove(topic, shared); // first, so that dependents asking again find the cache
            if (error != null) {
                shared.completeExceptionally(error);
            } else {
                shared.complete(route);
            }
        });
        return shared;
    }

    /** Fetches the route now, e.g. after a send failed or a rebalance found the topic missing. */
    public CompletableFuture<TopicRoute> refresh(String topic) {
        return remoting.invoke(Commands.TOPIC_ROUTE, new Topics.Name(topic)).handle((route, error) -> {
            TopicRoute r;
            long life = ttl.toMillis();
            if (error == null) {
                r = TopicRoute.of(route);
            } else if (isTopicNotExist(error)) {
                return null;
            } else {
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            routes.put(topic, new Entry(r, clock.getAsLong() + life));
            return r;
        }).thenCompose(r -> r != null ? CompletableFuture.completedFuture(r) : notYetCreated(topic));
    }

    private static boolean isTopicNotExist(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MQBrokerException b && b.errorCode() == ErrorCode.TOPIC_NOT_EXIST;
    }

    /**
     * The route of a topic the broker will create on the first send: as many queues as the broker's
     * {@code defaultTopicQueueNums} (asked once, from BROKER_STATUS), so hash-keyed sends pick the same queue before
     * and after the creation. Cached for at most a second, then the real route is read.
     */
    private CompletableFuture<TopicRoute> notYetCreated(String topic) {
        CompletableFuture<Integer> queues = brokerDefaultQueueNums;
        if (queues == null || queues.isCompletedExceptionally()) {
            queues = remoting.invoke(Commands.BROKER_STATUS, Empty.INSTANCE)
                    .thenApply(status -> parseQueueNums(status.stats().get("defaultTopicQueueNums")));
            brokerDefaultQueueNums = queues;
        }
        return queues.thenApply(n -> {
            TopicRoute r = TopicRoute.notYetCreated(topic, n);
            routes.put(topic, new Entry(r, clock.getAsLong() + Math.min(ttl.toMillis(), 1000)));
            return r;
        });
    }

    private static int parseQueueNums(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1; // queue 0 always exists
        }
    }

    /** Forgets a topic so the next call fetches it. */
    public void invalidate(String topic) {
        routes.remove(topic);
    }
}
