package io.ternmq.spring.txtest;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQClientException;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.protocol.ErrorCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads what consumers of a topic would get: every message of queue 0 from the first offset (the transaction tests
 * use one-queue topics, {@code defaultTopicQueueNums=1}, so the order is the store order).
 */
public final class TopicMessages {
    private TopicMessages() {
    }

    /** Every message stored in queue 0 of {@code topic}; empty while the topic does not exist (nothing was sent yet). */
    public static List<MessageExt> readAll(String brokerAddress, String topic) {
        try (PullConsumer reader = PullConsumer.builder().clientConfig(ClientConfig.of(brokerAddress))
                .consumerGroup("reader-" + UUID.randomUUID()).build()) {
            reader.start();
            List<MessageExt> out = new ArrayList<>();
            long offset = 0;
            while (true) {
                PullResult r = reader.pull(new MessageQueue(topic, 0), offset, 64, Duration.ZERO);
                if (r.status() != PullStatus.FOUND && r.status() != PullStatus.NO_MATCHED_MSG) {
                    return out;
                }
                out.addAll(r.messages());
                offset = r.nextOffset();
            }
        } catch (MQClientException e) {
            if (e.errorCode() == ErrorCode.TOPIC_NOT_EXIST) {
                return List.of();
            }
            throw e;
        }
    }

    /** How often each first key (the tests' business key) occurs in {@code topic}, sorted by key. */
    public static Map<String, Integer> keyCounts(String brokerAddress, String topic) {
        Map<String, Integer> counts = new TreeMap<>();
        for (MessageExt m : readAll(brokerAddress, topic)) {
            counts.merge(m.keys().isEmpty() ? "<no key>" : m.keys().get(0), 1, Integer::sum);
        }
        return counts;
    }
}
