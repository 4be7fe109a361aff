package io.ternmq.client.consumer;

import io.ternmq.protocol.message.MessageModel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The push consumer's settings as its collaborators see them; built by {@link PushConsumer.Builder}. */
record ConsumerSettings(String group, MessageModel model, Map<String, TagFilter> subscriptions,
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
}
