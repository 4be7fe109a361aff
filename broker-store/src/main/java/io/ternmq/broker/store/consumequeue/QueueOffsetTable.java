package io.ternmq.broker.store.consumequeue;

import io.ternmq.broker.store.commitlog.QueueOffsetAssigner;

import java.util.HashMap;
import java.util.Map;

/**
 * The next queue offset of every queue, ahead of the ConsumeQueues (which the dispatcher fills later). Used only
 * under the CommitLog put lock, except {@link #remove} and {@link #set}, which the store calls under the same lock
 * or before appends start.
 */
public final class QueueOffsetTable implements QueueOffsetAssigner {
    private final Map<QueueKey, long[]> next = new HashMap<>();

    @Override
    public long peek(String topic, int queueId) {
        long[] slot = next.get(new QueueKey(topic, queueId));
        return slot == null ? 0 : slot[0];
    }

    @Override
    public void advance(String topic, int queueId, int count) {
        next.computeIfAbsent(new QueueKey(topic, queueId), k -> new long[1])[0] += count;
    }

    public void set(String topic, int queueId, long offset) {
        next.computeIfAbsent(new QueueKey(topic, queueId), k -> new long[1])[0] = offset;
    }

    public void removeTopic(String topic) {
        next.keySet().removeIf(k -> k.topic().equals(topic));
    }
}
