package io.ternmq.broker.message;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.topic.TopicCheck;

/**
 * Outcome of {@link MessageService#append}: the topic check, then (when it passed) the store's result.
 *
 * @param topicCheck {@link TopicCheck#OK} when the store was asked
 * @param result     the store's result; null unless the topic check passed
 * @param scheduled  the message is delayed: it was stored in the broker's schedule, so the result's queue offsets
 *                   are positions in a schedule queue, not in the topic's queue (which it reaches when due)
 */
public record AppendOutcome(TopicCheck topicCheck, AppendResult result, boolean scheduled) {
    /** An outcome of a message stored in its own queue. */
    public AppendOutcome(TopicCheck topicCheck, AppendResult result) {
        this(topicCheck, result, false);
    }

    public static AppendOutcome rejected(TopicCheck check) {
        return new AppendOutcome(check, null);
    }

    /** True when the messages are stored. */
    public boolean ok() {
        return topicCheck == TopicCheck.OK && result != null && result.ok();
    }
}
