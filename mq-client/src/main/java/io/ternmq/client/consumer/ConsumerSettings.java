package io.ternmq.client.consumer;

import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.MessageProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The push consumer's settings as its collaborators see them; built by {@link PushConsumer.Builder}. */
record ConsumerSettings(String group, MessageModel model, Map<String, SubscriptionFilter> subscriptions,
                        ConsumeFromWhere consumeFromWhere, long consumeTimestamp, int consumeThreads,
                        int pullBatchSize, int consumeBatchSize, int pullThresholdForQueue,
                        int pullThresholdSizeForQueueMiB, AllocateStrategy allocateStrategy, Duration pullMaxWait,
                        Duration rebalanceInterval, Duration persistInterval, Duration reconsumeDelay,
                        Duration handoverDelay, Duration shutdownTimeout, Path offsetStoreDir, String instanceName,
                        OrderlySettings orderly) {

    Duration suspendCurrentQueueTime() {
        return orderly.suspendCurrentQueueTime();
    }

    long pullThresholdBytes() {
        return pullThresholdSizeForQueueMiB * 1024L * 1024L;
    }

    /** These settings plus a subscription to the group's {@code %RETRY%group} topic (all tags). */
    ConsumerSettings withRetrySubscription() {
        String retryTopic = MessageProperties.RETRY_TOPIC_PREFIX + group;
        if (subscriptions.containsKey(retryTopic)) {
            return this;
        }
        Map<String, SubscriptionFilter> subs = new java.util.LinkedHashMap<>(subscriptions);
        subs.put(retryTopic, SubscriptionFilter.parse(retryTopic, "*"));
        return new ConsumerSettings(group, model, java.util.Collections.unmodifiableMap(subs), consumeFromWhere,
                consumeTimestamp, consumeThreads, pullBatchSize, consumeBatchSize, pullThresholdForQueue,
                pullThresholdSizeForQueueMiB, allocateStrategy, pullMaxWait, rebalanceInterval, persistInterval,
                reconsumeDelay, handoverDelay, shutdownTimeout, offsetStoreDir, instanceName, orderly);
    }
}
