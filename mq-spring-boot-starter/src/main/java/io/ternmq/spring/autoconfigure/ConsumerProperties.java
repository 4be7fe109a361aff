package io.ternmq.spring.autoconfigure;

/** Defaults for listeners' consumers, under {@code mq.consumer.*}; @MQListener attributes override them. */
public class ConsumerProperties {
    /** Messages asked for per pull. */
    private int pullBatchSize = 32;

    /** Retries before a failed message goes to the dead-letter queue (%DLQ%group). */
    private int maxReconsumeTimes = 16;

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
}
