package io.ternmq.spring.autoconfigure;

import io.ternmq.client.consumer.ConsumeFromWhere;

import java.nio.file.Path;
import java.time.Duration;

/** Defaults for listeners' consumers, under {@code mq.consumer.*}; @MQListener attributes override them. */
public class ConsumerProperties {
    /** Messages asked for per pull. */
    private int pullBatchSize = 32;

    /**
     * Retries before a failed message goes to the dead-letter queue (%DLQ%group), when @MQListener(maxRetries) does
     * not say. -1 uses the group's retryMaxTimes on the broker (16 unless changed) for concurrent listeners and retries
     * orderly listeners for ever.
     */
    private int maxReconsumeTimes = -1;

    /** Where a group without a committed offset starts on a queue: LAST_OFFSET, FIRST_OFFSET or TIMESTAMP (30 minutes back). */
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.LAST_OFFSET;

    /** How long the broker may hold a pull when there is nothing new. */
    private Duration pullMaxWait = Duration.ofSeconds(15);

    /** Period of the safety-net rebalance; membership changes are normally announced by the broker at once. */
    private Duration rebalanceInterval = Duration.ofSeconds(20);

    /** Period of offset commits to the broker (offsets are also committed on rebalance and shutdown). */
    private Duration persistInterval = Duration.ofSeconds(5);

    /** Wait before consuming a queue taken over from another member, so its last calls finish first. */
    private Duration handoverDelay = Duration.ofSeconds(1);

    /** Orderly listeners: pause before a failed message is delivered again, in place. */
    private Duration suspendCurrentQueueTime = Duration.ofSeconds(1);

    /** Most messages cached per queue before pulling pauses (flow control). */
    private int pullThresholdForQueue = 1000;

    /** Broadcasting listeners: directory of the local offset files; default ~/.ternmq/offsets. */
    private Path offsetStoreDir;

    /**
     * Broadcasting listeners: names this application's offset file, so that several applications on one host can
     * consume the same broadcasting group from one offset directory. Keep it stable across restarts.
     */
    private String instanceName = "DEFAULT";

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public Duration getPullMaxWait() {
        return pullMaxWait;
    }

    public void setPullMaxWait(Duration pullMaxWait) {
        this.pullMaxWait = pullMaxWait;
    }

    public Duration getRebalanceInterval() {
        return rebalanceInterval;
    }

    public void setRebalanceInterval(Duration rebalanceInterval) {
        this.rebalanceInterval = rebalanceInterval;
    }

    public Duration getPersistInterval() {
        return persistInterval;
    }

    public void setPersistInterval(Duration persistInterval) {
        this.persistInterval = persistInterval;
    }

    public Duration getHandoverDelay() {
        return handoverDelay;
    }

    public void setHandoverDelay(Duration handoverDelay) {
        this.handoverDelay = handoverDelay;
    }

    public Duration getSuspendCurrentQueueTime() {
        return suspendCurrentQueueTime;
    }

    public void setSuspendCurrentQueueTime(Duration suspendCurrentQueueTime) {
        this.suspendCurrentQueueTime = suspendCurrentQueueTime;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public Path getOffsetStoreDir() {
        return offsetStoreDir;
    }

    public void setOffsetStoreDir(Path offsetStoreDir) {
        this.offsetStoreDir = offsetStoreDir;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }
}
