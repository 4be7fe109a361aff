package io.ternmq.spring.listener;

import io.ternmq.client.consumer.ConsumeContext;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageListener;
import io.ternmq.spring.metrics.MQMetrics;

import java.util.List;

/**
 * The concurrent {@link MessageListener} a container registers: hands each message to the adapter and turns the
 * outcome into a consume status. A failure the {@link ListenerErrorHandler} dead-letters is failed with delay level
 * -1, which makes the broker put it straight into {@code %DLQ%group}; a retry is failed with the default level, so
 * the broker redelivers it with its back-off (and dead-letters it after the group's limit). A key another consumer
 * is processing ({@code IN_PROGRESS}) is retried the same way. Thread-safe.
 */
final class ConcurrentDelivery implements MessageListener {
    private final MQListenerEndpoint endpoint;
    private final ListenerCall call;
    private final MQMetrics metrics;

    ConcurrentDelivery(MQListenerEndpoint endpoint, MessagingListenerAdapter adapter, ListenerErrorHandler errors,
                       MQMetrics metrics) {
        this.endpoint = endpoint;
        this.call = new ListenerCall(endpoint, adapter, errors, metrics);
        this.metrics = metrics;
    }

    @Override
    public ConsumeStatus consume(List<MessageExt> messages, ConsumeContext context) {
        // the container asks for one message per call, so one failure never drags others into the retry
        for (MessageExt message : messages) {
            if (deliver(message, context) == ConsumeStatus.RECONSUME_LATER) {
                return ConsumeStatus.RECONSUME_LATER;
            }
        }
        return ConsumeStatus.CONSUME_SUCCESS;
    }

    private ConsumeStatus deliver(MessageExt message, ConsumeContext context) {
        return switch (call.run(message)) {
            case DONE -> ConsumeStatus.CONSUME_SUCCESS;
            case RETRY -> ConsumeStatus.RECONSUME_LATER;
            case DEAD_LETTER -> {
                metrics.deadLettered(endpoint.group(), message.topic());
                context.delayLevelWhenNextConsume(-1);
                yield ConsumeStatus.RECONSUME_LATER;
            }
        };
    }
}
