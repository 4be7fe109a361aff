package io.ternmq.broker.store.consumequeue;

import io.ternmq.broker.store.commitlog.QueueOffsetAssigner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The next queue offset of every queue, ahead of the ConsumeQueues (which the dispatcher fills later). Per topic an
 * array indexed by queue id, so the append path looks offsets up without allocating. Used only under the CommitLog
 * put lock ({@link #set} also before appends start); not thread-safe by itself.
 */
public final class QueueOffsetTable implements QueueOffsetAssigner {
    /** Queue ids at or above this go to {@link #sparse}, so a huge id cannot make a huge array. */
    private static final int DENSE_LIMIT = 4096;

    private final Map<String, long[]> next = new HashMap<>();
    private final Map<QueueKey, long[]> sparse = new HashMap<>();

    @Override
    public long peek(String topic, int queueId) {
        if (queueId >= DENSE_LIMIT) {
            long[] slot = sparse.get(new QueueKey(topic, queueId));
            return slot == null ? 0 : slot[0];
        }
        long[] offsets = next.get(topic);
        return offsets == null || queueId >= offsets.length ? 0 : offsets[queueId];
    }

    @Override
    public void advance(String topic, int queueId, int count) {
        if (queueId >= DENSE_LIMIT) {
            sparse.computeIfAbsent(new QueueKey(topic, queueId), k -> new long[1])[0] += count;
        } else {
            slots(topic, queueId)[queueId] += count;
        }
    }

    public void set(String topic, int queueId, long offset) {
        if (queueId >= DENSE_LIMIT) {
            sparse.computeIfAbsent(new QueueKey(topic, queueId), k -> new long[1])[0] = offset;
        } else {
            slots(topic, queueId)[queueId] = offset;
        }
    }

    public void removeTopic(String topic) {
        next.remove(topic);
        sparse.keySet().removeIf(k -> k.topic().equals(topic));
    }

    private long[] slots(String topic, int queueId) {
        long[] offsets = next.get(topic);
        if (offsets == null || queueId >= offsets.length) {
            int size = Math.min(DENSE_LIMIT, Math.max(queueId + 1, offsets == null ? 8 : offsets.length * 2));
            offsets = offsets == null ? new long[size] : Arrays.copyOf(offsets, size);
            next.put(topic, offsets);
        }
        return offsets;
    }
}
