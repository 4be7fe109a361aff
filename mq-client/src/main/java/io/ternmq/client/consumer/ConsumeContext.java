package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

/**
 * What a listener knows about the call besides the messages. A listener that fails its messages may set
 * {@code delayLevelWhenNextConsume} to choose the broker's retry back-off (clustering).
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

    /**
     * 0 = the broker picks level {@code 3 + reconsumeTimes}; &gt; 0 = that delay level for the next attempt;
     * &lt; 0 = straight to the DLQ.
     */
    public int delayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void delayLevelWhenNextConsume(int level) {
        this.delayLevelWhenNextConsume = level;
    }
}
