package io.ternmq.spring.autoconfigure;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/** Settings of MQTemplate's producer, under {@code mq.producer.*}. */
public class ProducerProperties {
    /** Producer group of MQTemplate's producer (shown in mqadmin; transactional messages use mq.transaction.producer-group). */
    private String group = "mq-producer";

    /** Budget for one send including its retries on other queues. */
    private Duration sendTimeout = Duration.ofSeconds(3);

    /** Extra attempts on another queue after a retriable send failure. Ordered sends (hash key) are never retried on another queue. */
    private int retryTimesWhenSendFailed = 2;

    /** Largest body, or sum of bodies of a batch, accepted before sending; larger sends fail at once with MESSAGE_TOO_LARGE. */
    private DataSize maxMessageSize = DataSize.ofMegabytes(4);

    /** How old a topic's route (its queues) may get before it is read again, in the background while sends go on. */
    private Duration routeRefreshInterval = Duration.ofSeconds(30);

    /** Batching of single-message sends per queue: more throughput under load, one SendResult per message still. */
    private final Batching batching = new Batching();

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Duration getRouteRefreshInterval() {
        return routeRefreshInterval;
    }

    public void setRouteRefreshInterval(Duration routeRefreshInterval) {
        this.routeRefreshInterval = routeRefreshInterval;
    }

    public Batching getBatching() {
        return batching;
    }

    /**
     * Per-queue batching of single-message sends (sync, async and ordered; not one-way, sendBatch, delayed or
     * transactional messages): while a queue has its limit of SENDs in flight, further messages for it wait and go
     * out together as one SEND.
     */
    public static class Batching {
        /** Whether single-message sends are batched per queue. */
        private boolean enabled = true;

        /** Most messages in one batched SEND. */
        private int maxMessages = 256;

        /** Most body bytes in one batched SEND (never above max-message-size). */
        private DataSize maxSize = DataSize.ofKilobytes(256);

        /** How long a message waits for others when nothing of its queue is in flight; 0 sends at once (batches still form behind a SEND in flight). Like Kafka's linger.ms: more throughput per request, more latency. */
        private Duration linger = Duration.ZERO;

        /** Batched plain sends in flight per queue at once; ordered sends always have one, which keeps them FIFO. */
        private int maxInFlightPerQueue = 4;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxMessages() {
            return maxMessages;
        }

        public void setMaxMessages(int maxMessages) {
            this.maxMessages = maxMessages;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public Duration getLinger() {
            return linger;
        }

        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        public int getMaxInFlightPerQueue() {
            return maxInFlightPerQueue;
        }

        public void setMaxInFlightPerQueue(int maxInFlightPerQueue) {
            this.maxInFlightPerQueue = maxInFlightPerQueue;
        }
    }
}
