package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.metrics.MQMetrics;

import java.time.Duration;

/**
 * One listener call for one message, counted in the metrics, and what should happen to the message next: the part
 * {@link ConcurrentDelivery} and {@link OrderlyDelivery} share; each turns the {@link Result} into its own consume
 * status. Thread-safe.
 */
final class ListenerCall {
    /** What should happen to the message after the call. */
    enum Result {
        /** Consumed (or a duplicate skipped, or dropped on purpose): acknowledge it. */
        DONE,
        /** Deliver it again later (a failure worth retrying, or a key another consumer holds right now). */
        RETRY,
        /** Move it to {@code %DLQ%group}; the delivery counts it once it is there. */
        DEAD_LETTER
    }

    private final MQListenerEndpoint endpoint;
    private final MessagingListenerAdapter adapter;
    private final ListenerErrorHandler errors;
    private final MQMetrics metrics;

    ListenerCall(MQListenerEndpoint endpoint, MessagingListenerAdapter adapter, ListenerErrorHandler errors,
                 MQMetrics metrics) {
        this.endpoint = endpoint;
        this.adapter = adapter;
        this.errors = errors;
        this.metrics = metrics;
    }

    Result run(MessageExt message) {
        String topic = message.topic();
        long start = System.nanoTime();
        try {
            IdempotencyGuard.Outcome outcome = adapter.onMessage(message);
            metrics.consumed(endpoint.group(), topic, 1, true, Duration.ofNanos(System.nanoTime() - start));
            if (outcome == IdempotencyGuard.Outcome.DUPLICATE) {
                metrics.duplicateSkipped(endpoint.group(), topic);
            } else if (outcome == IdempotencyGuard.Outcome.IN_PROGRESS) {
                metrics.retried(endpoint.group(), topic);
                return Result.RETRY;
            }
            return Result.DONE;
        } catch (Throwable error) {
            metrics.consumed(endpoint.group(), topic, 1, false, Duration.ofNanos(System.nanoTime() - start));
            return switch (errors.onFailure(error, message)) {
                case RETRY -> {
                    metrics.retried(endpoint.group(), topic);
                    yield Result.RETRY;
                }
                case DEAD_LETTER -> Result.DEAD_LETTER;
                case DISCARD -> Result.DONE;
            };
        }
    }
}
