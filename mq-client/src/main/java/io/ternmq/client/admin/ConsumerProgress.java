package io.ternmq.client.admin;

/**
 * A group's progress on one queue.
 *
 * @param brokerOffset   the queue's max offset
 * @param consumerOffset the group's committed offset (-1 when none)
 * @param lastTimestamp  store time of the last message, 0 when unknown
 */
public record ConsumerProgress(String group, String topic, int queueId, long brokerOffset, long consumerOffset,
                               long lastTimestamp) {
    /** Messages stored but not yet consumed by the group. */
    public long lag() {
        return Math.max(0, brokerOffset - Math.max(consumerOffset, 0));
    }
}
