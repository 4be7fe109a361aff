package io.ternmq.broker.retry;

import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.protocol.message.MessageProperties;

/**
 * A consumer group's system topics: {@code %RETRY%group} (messages to redeliver, which the group's clustering
 * consumers subscribe to) and {@code %DLQ%group} (messages whose retries are used up). Both have one queue and
 * read-write permission, like RocketMQ 4.9.2+: nobody consumes a DLQ unless they subscribe to it explicitly, and
 * operators can list and query it. They are created on demand whatever {@code autoCreateTopicEnable} says.
 */
public final class RetryTopics {
    private RetryTopics() {
    }

    public static String retryTopic(String group) {
        return MessageProperties.RETRY_TOPIC_PREFIX + group;
    }

    public static String dlqTopic(String group) {
        return MessageProperties.DLQ_TOPIC_PREFIX + group;
    }

    /** Creates the topic with one read-write queue unless it exists (an existing config is left alone). */
    public static void ensure(TopicRegistry topics, String topic) {
        if (topics.get(topic).isEmpty()) {
            synchronized (topics) {
                if (topics.get(topic).isEmpty()) {
                    topics.put(new TopicConfig(topic, 1, TopicConfig.PERM_READ_WRITE, false));
                }
            }
        }
    }
}
