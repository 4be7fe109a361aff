package io.ternmq.client.admin;

/**
 * One queue of a topic.
 *
 * @param minOffset          oldest offset still stored
 * @param maxOffset          next offset to be written (so {@code maxOffset - minOffset} messages are stored)
 * @param lastStoreTimestamp store time of the newest message, 0 when empty
 */
public record QueueStatus(String topic, int queueId, long minOffset, long maxOffset, long lastStoreTimestamp) {
}
