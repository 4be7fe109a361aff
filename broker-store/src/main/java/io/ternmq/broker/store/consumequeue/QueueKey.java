package io.ternmq.broker.store.consumequeue;

/** Identifies one queue of one topic. */
public record QueueKey(String topic, int queueId) {
}
