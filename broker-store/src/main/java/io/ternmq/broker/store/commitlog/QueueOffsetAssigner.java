package io.ternmq.broker.store.commitlog;

/** Hands out queue offsets; called only under the CommitLog put lock, so it needs no locking of its own. */
public interface QueueOffsetAssigner {
    /** @return the next offset of the queue, without reserving it */
    long peek(String topic, int queueId);

    /** Reserves {@code count} offsets after a successful write. */
    void advance(String topic, int queueId, int count);
}
