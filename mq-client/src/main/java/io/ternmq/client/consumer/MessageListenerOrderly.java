package io.ternmq.client.consumer;

import java.util.List;

/**
 * Consumes the messages of each queue in queue order, one call at a time per queue (register it with
 * {@link PushConsumer#registerOrderlyListener}). Calls for different queues run in parallel on the consume
 * threads; calls for one queue never overlap, and the next call only starts after this one returned
 * {@link ConsumeOrderlyStatus#SUCCESS}. In clustering mode a queue is only consumed while this member holds its
 * lock at the broker, so no two members of the group consume one queue at the same time.
 *
 * <p>Returning {@link ConsumeOrderlyStatus#SUSPEND_CURRENT_QUEUE_A_MOMENT}, or throwing, blocks the queue: the
 * same messages are delivered again, in place, after {@link ConsumeOrderlyContext#suspendCurrentQueueTimeMillis()},
 * with {@link MessageExt#reconsumeTimes()} counted up. Later messages of that queue wait; other queues go on.
 */
@FunctionalInterface
public interface MessageListenerOrderly {
    ConsumeOrderlyStatus consume(List<MessageExt> messages, ConsumeOrderlyContext context);
}
