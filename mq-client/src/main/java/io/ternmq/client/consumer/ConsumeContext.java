package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

/**
 * What a listener knows about the call besides the messages. {@code delayLevelWhenNextConsume} is the seam for
 * broker-side retry: once retry topics exist, a RECONSUME_LATER sends the messages back with this delay level.
 */
public final class ConsumeContext {
    private final MessageQueue messageQueue;
    private final String consumerGroup;
    private volatile int delayLevelWhenNextConsume;

    public ConsumeContext(MessageQueue messageQueue, String consumerGroup) {
        this.messageQueue = messageQueue;
        this.consumerGroup = consumerGroup;
    }

    public MessageQueue messageQueue() {
        return messageQueue;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    /** 0 = let the client decide; &gt; 0 = that delay level for the next attempt. */
    public int delayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void delayLevelWhenNextConsume(int level) {
        this.delayLevelWhenNextConsume = level;
    }
}
