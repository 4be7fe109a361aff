package io.ternmq.broker.store;

/** Told by the dispatcher when new messages of a queue become readable. Must not block. */
@FunctionalInterface
public interface MessageArrivalListener {
    /**
     * @param maxOffset the queue's new max offset (next offset to be assigned)
     */
    void arrived(String topic, int queueId, long maxOffset, long tagHash);
}
