package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

/**
 * What an orderly listener knows about the call besides the messages, and how long to pause the queue when it
 * returns {@link ConsumeOrderlyStatus#SUSPEND_CURRENT_QUEUE_A_MOMENT}. One instance per call; not shared.
 */
public final class ConsumeOrderlyContext {
    private final MessageQueue messageQueue;
    private final String consumerGroup;
    private long suspendCurrentQueueTimeMillis;

    public ConsumeOrderlyContext(MessageQueue messageQueue, String consumerGroup, long suspendMillis) {
        this.messageQueue = messageQueue;
        this.consumerGroup = consumerGroup;
        this.suspendCurrentQueueTimeMillis = suspendMillis;
    }

    public MessageQueue messageQueue() {
        return messageQueue;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    /** The pause before a suspended queue is retried (the consumer's {@code suspendCurrentQueueTime} unless set). */
    public long suspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    /** Sets the pause for this call's retry; at least 10 ms, at most 30 s. */
    public void setSuspendCurrentQueueTimeMillis(long millis) {
        this.suspendCurrentQueueTimeMillis = Math.max(10, Math.min(30_000, millis));
    }
}
