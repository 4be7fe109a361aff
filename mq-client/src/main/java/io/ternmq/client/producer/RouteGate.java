package io.ternmq.client.producer;

import io.ternmq.client.internal.TopicRoute;
import io.ternmq.client.internal.TopicRouteCache;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Runs each send's "route known" step in send order per topic. Without it, the first sends to a topic all wait on
 * the same route future, and a {@link CompletableFuture}'s dependents run in reverse order of registration: ordered
 * sends issued while the route was being fetched would reach their queue buffer last-first.
 *
 * <p>While a topic's route is being fetched, or its waiting sends are still being released, new sends of that topic
 * queue up behind them; once the topic has nothing waiting, a send whose route is cached runs at once on the
 * caller's thread, as before.
 *
 * <p>Thread-safe: the waiting lists are guarded by {@code this}; steps run outside the lock, one topic's in order.
 */
final class RouteGate {
    private final TopicRouteCache routes;
    private final Map<String, ArrayDeque<Waiting>> waiting = new HashMap<>();

    /** A send waiting for its turn: the route future it got and what to run with the route. */
    private record Waiting(CompletableFuture<TopicRoute> route, BiConsumer<TopicRoute, Throwable> step) {
    }

    RouteGate(TopicRouteCache routes) {
        this.routes = routes;
    }

    /** Runs {@code step} with the topic's route (or the error fetching it), after earlier sends of the topic. */
    void whenRouted(String topic, BiConsumer<TopicRoute, Throwable> step) {
        CompletableFuture<TopicRoute> route = routes.route(topic);
        synchronized (this) {
            ArrayDeque<Waiting> queue = waiting.get(topic);
            if (queue != null) {
                queue.add(new Waiting(route, step));
                return;
            }
            if (!route.isDone()) {
                queue = new ArrayDeque<>();
                queue.add(new Waiting(route, step));
                waiting.put(topic, queue);
                route.whenComplete((r, e) -> release(topic));
                return;
            }
        }
        route.whenComplete(step); // done: runs now, on this thread
    }

    /**
     * Runs the topic's waiting steps in order, including those added meanwhile, then lets sends run inline again.
     * A step whose route future is not done yet (the route was fetched again meanwhile) stays first in line until
     * that future completes.
     */
    private void release(String topic) {
        while (true) {
            Waiting next;
            synchronized (this) {
                ArrayDeque<Waiting> queue = waiting.get(topic);
                next = queue.peek();
                if (next == null) {
                    waiting.remove(topic);
                    return;
                }
                if (!next.route().isDone()) {
                    next.route().whenComplete((r, e) -> release(topic));
                    return;
                }
                queue.poll();
            }
            next.route().whenComplete(next.step());
        }
    }
}
