package io.ternmq.broker.offset;

/** Identifies one committed offset: a group's position in one queue. */
public record OffsetKey(String group, String topic, int queueId) {
}
