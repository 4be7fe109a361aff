package io.ternmq.broker.message;

import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.topic.TopicCheck;

/**
 * Result of {@link MessageService#readBytes}.
 *
 * @param topicCheck {@link TopicCheck#OK} when the store was read
 * @param result     the store's result; null unless the topic check passed
 */
public record ReadBytesOutcome(TopicCheck topicCheck, ReadBytesResult result) {
}
