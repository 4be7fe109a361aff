package io.ternmq.spring.listener;

import io.ternmq.client.consumer.ConsumeOrderlyContext;
import io.ternmq.client.consumer.ConsumeOrderlyStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageListenerOrderly;
import io.ternmq.spring.metrics.MQMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
    private final ListenerCall call;
    private final MQMetrics metrics;
    private final Function<MessageExt, CompletableFuture<Void>> deadLetters;

    /** @param deadLetters moves a message to {@code %DLQ%group} (the container's consumer) */
    OrderlyDelivery(MQListenerEndpoint endpoint, MessagingListenerAdapter adapter, ListenerErrorHandler errors,
                    MQMetrics metrics, Function<MessageExt, CompletableFuture<Void>> deadLetters) {
        this.endpoint = endpoint;
        this.call = new ListenerCall(endpoint, adapter, errors, metrics);
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
        return switch (call.run(message)) {
            case DONE -> ConsumeOrderlyStatus.SUCCESS;
            case RETRY -> ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            case DEAD_LETTER -> deadLetter(message);
        };
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
