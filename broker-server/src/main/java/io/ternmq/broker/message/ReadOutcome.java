package io.ternmq.broker.message;

import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.topic.TopicCheck;

/**
 * Outcome of {@link MessageService#read}.
 *
 * @param topicCheck {@link TopicCheck#OK} when the store was read
 * @param result     the store's result; null unless the topic check passed
 */
public record ReadOutcome(TopicCheck topicCheck, ReadResult result) {
}
