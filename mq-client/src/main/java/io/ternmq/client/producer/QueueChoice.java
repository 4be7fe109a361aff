package io.ternmq.client.producer;

import io.ternmq.client.MessageQueue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** How a send picks its queue, and whether a failed attempt may move to another queue. */
interface QueueChoice {
    /**
     * @param queues     the topic's queues, sorted, never empty
     * @param lastFailed the queue the previous attempt failed on, or null on the first attempt
     */
    MessageQueue choose(List<MessageQueue> queues, MessageQueue lastFailed);

    /** Ordered sends must stay on their queue, so they are not retried elsewhere. */
    boolean retryElsewhere();

    /** Round-robin over the queues, skipping the one that just failed. Thread-safe. */
    final class RoundRobin implements QueueChoice {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public MessageQueue choose(List<MessageQueue> queues, MessageQueue lastFailed) {
            int n = queues.size();
            for (int i = 0; i < n; i++) {
                MessageQueue mq = queues.get(Math.floorMod(counter.getAndIncrement(), n));
                if (!mq.equals(lastFailed)) {
                    return mq;
                }
            }
            return queues.get(Math.floorMod(counter.getAndIncrement(), n));
        }

        @Override
        public boolean retryElsewhere() {
            return true;
        }
    }

    /** The queue a user selector picks for an ordered send. */
    record Selected(io.ternmq.client.MessageQueueSelector selector, io.ternmq.client.Message message, Object arg)
            implements QueueChoice {
        @Override
        public MessageQueue choose(List<MessageQueue> queues, MessageQueue lastFailed) {
            MessageQueue mq = selector.select(queues, message, arg);
            if (mq == null || !queues.contains(mq)) {
                throw new IllegalArgumentException("selector returned " + mq + ", not one of " + queues);
            }
            return mq;
        }

        @Override
        public boolean retryElsewhere() {
            return false;
        }
    }
}
