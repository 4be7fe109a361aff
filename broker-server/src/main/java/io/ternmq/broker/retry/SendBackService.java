package io.ternmq.broker.retry;

import io.ternmq.broker.delay.DelayLevels;
import io.ternmq.broker.group.SubscriptionGroupConfig;
import io.ternmq.broker.group.SubscriptionGroupRegistry;
import io.ternmq.broker.message.AppendOutcome;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.topic.TopicRegistry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Retry and dead-lettering of messages whose consumption failed, and re-sending from the DLQ.
 *
 * <p>Send-back (RocketMQ's rules): the broker reads the failed message by its broker id. When its
 * {@code reconsumeTimes >= maxReconsumeTimes} (the request's value, else the group's {@code retryMaxTimes}) or the
 * consumer asked for a negative delay level, a copy goes to {@code %DLQ%group}; otherwise a copy is scheduled for
 * {@code %RETRY%group} at the requested level, or at {@code 3 + reconsumeTimes} when the request says 0 (capped at
 * the last level). Both copies carry {@code reconsumeTimes + 1} and where the message came from
 * ({@link RetryCopies}).
 *
 * <p>DLQ re-send: a DLQ message is copied to {@code %RETRY%group} with the count reset, visible at once. It goes
 * to the retry topic rather than the original topic so that only the group that dead-lettered it sees it again,
 * not every group subscribed to the original topic.
 *
 * <p>Crash behaviour: the copy is an ordinary append, acknowledged before the reply; if the broker crashes before
 * replying, the consumer's send-back times out and it retries locally, so a message may be redelivered twice,
 * never lost. Thread-safe (stateless apart from the services it uses).
 */
public final class SendBackService {
    private final MessageService messages;
    private final TopicRegistry topics;
    private final SubscriptionGroupRegistry groups;
    private final DelayLevels levels;

    public SendBackService(MessageService messages, TopicRegistry topics, SubscriptionGroupRegistry groups,
                           DelayLevels levels) {
        this.messages = messages;
        this.topics = topics;
        this.groups = groups;
        this.levels = levels;
    }

    /**
     * Hands a failed message back.
     *
     * @param delayLevel        0 = broker picks {@code 3 + reconsumeTimes}; negative = straight to the DLQ
     * @param maxReconsumeTimes negative = the group's {@code retryMaxTimes}
     */
    public CompletableFuture<SendBackResult> sendBack(String group, String messageId, int delayLevel,
                                                      int maxReconsumeTimes) {
        Optional<String> problem = ResourceName.GROUP.problem(group);
        if (problem.isPresent()) {
            return done(SendBackResult.failed(SendBackStatus.INVALID_GROUP, problem.get()));
        }
        Optional<StoredMessage> found = messages.store().queryById(messageId);
        if (found.isEmpty()) {
            return done(SendBackResult.failed(SendBackStatus.MESSAGE_NOT_FOUND, "no message with id " + messageId));
        }
        StoredMessage m = found.get();
        int max = maxReconsumeTimes >= 0 ? maxReconsumeTimes : groups.get(group)
                .map(SubscriptionGroupConfig::retryMaxTimes).orElse(SubscriptionGroupConfig.DEFAULT_RETRY_MAX_TIMES);
        if (delayLevel < 0 || m.reconsumeTimes() >= max) {
            String dlq = RetryTopics.dlqTopic(group);
            return append(dlq, RetryCopies.deadLetter(m), SendBackStatus.MOVED_TO_DLQ);
        }
        int level = levels.clamp(delayLevel > 0 ? delayLevel : 3 + m.reconsumeTimes());
        return append(RetryTopics.retryTopic(group), RetryCopies.retry(m, level), SendBackStatus.RETRY_SCHEDULED);
    }

    /** Re-sends a message of {@code %DLQ%group} to that group through {@code %RETRY%group}. */
    public CompletableFuture<SendBackResult> resendFromDlq(String group, String messageId) {
        Optional<String> problem = ResourceName.GROUP.problem(group);
        if (problem.isPresent()) {
            return done(SendBackResult.failed(SendBackStatus.INVALID_GROUP, problem.get()));
        }
        Optional<StoredMessage> found = messages.store().queryById(messageId);
        if (found.isEmpty()) {
            return done(SendBackResult.failed(SendBackStatus.MESSAGE_NOT_FOUND, "no message with id " + messageId));
        }
        String dlq = RetryTopics.dlqTopic(group);
        StoredMessage m = found.get();
        if (!m.topic().equals(dlq)) {
            return done(SendBackResult.failed(SendBackStatus.NOT_IN_DLQ, "message " + messageId + " is in topic "
                    + m.topic() + ", not in " + dlq));
        }
        return append(RetryTopics.retryTopic(group), RetryCopies.resent(m), SendBackStatus.RETRY_SCHEDULED);
    }

    private CompletableFuture<SendBackResult> append(String topic, MessageDraft copy, SendBackStatus success) {
        RetryTopics.ensure(topics, topic);
        AppendRequest request = new AppendRequest(topic, 0, List.of(copy), "");
        return messages.append(request).thenApply(outcome -> result(topic, copy, success, outcome));
    }

    private static SendBackResult result(String topic, MessageDraft copy, SendBackStatus success,
                                         AppendOutcome outcome) {
        if (!outcome.ok()) {
            return new SendBackResult(SendBackStatus.APPEND_FAILED, topic, null, copy.reconsumeTimes(), outcome,
                    null);
        }
        return new SendBackResult(success, topic, outcome.result().messageIds().get(0), copy.reconsumeTimes(), null,
                null);
    }

    private static CompletableFuture<SendBackResult> done(SendBackResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
