package io.ternmq.spring.listener;

import io.ternmq.client.consumer.ConsumeOrderlyContext;
import io.ternmq.client.consumer.ConsumeOrderlyStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageListenerOrderly;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.metrics.MQMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The orderly {@link MessageListenerOrderly} a container registers. A retryable failure (or a key another consumer
 * is processing) suspends the queue: the same message comes again in place after {@code suspendCurrentQueueTime},
 * and nothing behind it is delivered first.
 *
 * <p>A message that must not be retried (not retryable, or {@code maxRetries} used up) is moved to
 * {@code %DLQ%group} by the consumer's explicit dead-letter call and then acknowledged, so the queue moves on. This
 * trades the order of that one message (it is parked, not processed) for the liveness of every later message of the
 * queue: a body that can never be read would otherwise block its queue for ever. Should the dead-letter call fail
 * (broker unreachable), the queue is suspended and the message tried again. In broadcasting mode (no DLQ) the
 * message is logged and skipped. Thread-safe.
 */
final class OrderlyDelivery implements MessageListenerOrderly {
    private static final Log LOG = LogFactory.getLog(OrderlyDelivery.class);
    private static final long DEAD_LETTER_TIMEOUT_MS = 10_000;

    private final MQListenerEndpoint endpoint;
    private final MessagingListenerAdapter adapter;
    private final ListenerErrorHandler errors;
    private final MQMetrics metrics;
    private final Function<MessageExt, CompletableFuture<Void>> deadLetters;

    /** @param deadLetters moves a message to {@code %DLQ%group} (the container's consumer) */
    OrderlyDelivery(MQListenerEndpoint endpoint, MessagingListenerAdapter adapter, ListenerErrorHandler errors,
                    MQMetrics metrics, Function<MessageExt, CompletableFuture<Void>> deadLetters) {
        this.endpoint = endpoint;
        this.adapter = adapter;
        this.errors = errors;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    @Override
    public ConsumeOrderlyStatus consume(List<MessageExt> messages, ConsumeOrderlyContext context) {
        for (MessageExt message : messages) {
            if (deliver(message) == ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT) {
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
        }
        return ConsumeOrderlyStatus.SUCCESS;
    }

    private ConsumeOrderlyStatus deliver(MessageExt message) {
        String topic = message.topic();
        long start = System.nanoTime();
        try {
            IdempotencyGuard.Outcome outcome = adapter.onMessage(message);
            metrics.consumed(endpoint.group(), topic, 1, true, Duration.ofNanos(System.nanoTime() - start));
            if (outcome == IdempotencyGuard.Outcome.DUPLICATE) {
                metrics.duplicateSkipped(endpoint.group(), topic);
            } else if (outcome == IdempotencyGuard.Outcome.IN_PROGRESS) {
                metrics.retried(endpoint.group(), topic);
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
            return ConsumeOrderlyStatus.SUCCESS;
        } catch (Throwable error) {
            metrics.consumed(endpoint.group(), topic, 1, false, Duration.ofNanos(System.nanoTime() - start));
            return switch (errors.onFailure(error, message)) {
                case RETRY -> {
                    metrics.retried(endpoint.group(), topic);
                    yield ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                case DEAD_LETTER -> deadLetter(message);
                case DISCARD -> ConsumeOrderlyStatus.SUCCESS;
            };
        }
    }

    private ConsumeOrderlyStatus deadLetter(MessageExt message) {
        try {
            deadLetters.apply(message).get(DEAD_LETTER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            metrics.deadLettered(endpoint.group(), message.topic());
            return ConsumeOrderlyStatus.SUCCESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        } catch (Exception e) {
            LOG.warn("could not move " + message + " of " + endpoint.source() + " to %DLQ%" + endpoint.group()
                    + "; the queue is suspended and the message tried again", e);
            return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        }
    }
}
