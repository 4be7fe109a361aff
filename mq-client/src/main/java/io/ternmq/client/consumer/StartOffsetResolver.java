package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.TopicRoute;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.protocol.command.Topics;

import java.util.concurrent.CompletableFuture;

/**
 * Where consumption of a newly owned queue starts: the stored offset when the group has one, read fresh so that a
 * previous owner's final commit is seen; otherwise as {@link ConsumeFromWhere} says. Thread-safe.
 */
final class StartOffsetResolver {
    private final ConsumerSettings settings;
    private final OffsetStore store;
    private final TopicRouteCache routes;
    private final RemoteOffsets remote;

    StartOffsetResolver(ConsumerSettings settings, OffsetStore store, TopicRouteCache routes, RemoteOffsets remote) {
        this.settings = settings;
        this.store = store;
        this.routes = routes;
        this.remote = remote;
    }

    CompletableFuture<Long> resolve(MessageQueue mq) {
        return store.read(mq).thenCompose(stored -> {
            if (stored.isPresent()) {
                return CompletableFuture.completedFuture(stored.getAsLong());
            }
            return switch (settings.consumeFromWhere()) {
                case LAST_OFFSET -> routes.refresh(mq.topic()).thenApply(r -> queue(r, mq).maxOffset());
                case FIRST_OFFSET -> routes.refresh(mq.topic()).thenApply(r -> queue(r, mq).minOffset());
                case TIMESTAMP -> remote.searchOffset(mq, settings.consumeTimestamp());
            };
        });
    }

    private static Topics.QueueStatus queue(TopicRoute route, MessageQueue mq) {
        return route.queueStatus().stream().filter(q -> q.queueId() == mq.queueId()).findFirst()
                .orElse(new Topics.QueueStatus(mq.queueId(), 0, 0, 0));
    }
}
