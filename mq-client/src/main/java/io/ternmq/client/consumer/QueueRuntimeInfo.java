package io.ternmq.client.consumer;

/**
 * A snapshot of one owned queue inside a push consumer, for monitoring and tests.
 *
 * @param cachedCount      messages pulled and not yet acknowledged
 * @param cachedBytes      their body bytes
 * @param commitOffset     the offset that would be committed now (lowest unacknowledged)
 * @param consuming        listener calls running on this queue
 * @param flowControlTimes how often a pull was postponed by flow control
 */
public record QueueRuntimeInfo(int cachedCount, long cachedBytes, long commitOffset, int consuming,
                               long flowControlTimes) {
    static QueueRuntimeInfo of(ProcessQueue pq) {
        return new QueueRuntimeInfo(pq.cachedCount(), pq.cachedBytes(), pq.commitOffset(), pq.consumingCount(),
                pq.flowControlTimes());
    }
}
