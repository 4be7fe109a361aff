package io.ternmq.client;

import java.util.Objects;

/**
 * One queue of a topic on the broker. Ordered by topic then queue id, which is the order rebalance strategies
 * rely on to give every member of a group the same view.
 */
public record MessageQueue(String topic, int queueId) implements Comparable<MessageQueue> {
    public MessageQueue {
        Objects.requireNonNull(topic, "topic");
        if (queueId < 0) {
            throw new IllegalArgumentException("queueId must be >= 0: " + queueId);
        }
    }

    @Override
    public int compareTo(MessageQueue o) {
        int c = topic.compareTo(o.topic);
        return c != 0 ? c : Integer.compare(queueId, o.queueId);
    }

    @Override
    public String toString() {
        return topic + "#" + queueId;
    }
}
