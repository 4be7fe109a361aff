package io.ternmq.broker.message;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.topic.TopicCheck;

/**
 * Outcome of {@link MessageService#append}: the topic check, then (when it passed) the store's result.
 *
 * @param topicCheck {@link TopicCheck#OK} when the store was asked
 * @param result     the store's result; null unless the topic check passed
 */
public record AppendOutcome(TopicCheck topicCheck, AppendResult result) {
    public static AppendOutcome rejected(TopicCheck check) {
        return new AppendOutcome(check, null);
    }

    /** True when the messages are stored. */
    public boolean ok() {
        return topicCheck == TopicCheck.OK && result != null && result.ok();
    }
}
