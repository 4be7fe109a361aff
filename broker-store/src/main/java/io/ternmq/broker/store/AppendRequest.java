package io.ternmq.broker.store;

import java.util.List;
import java.util.Objects;

/**
 * One append: messages for one (topic, queue). More than one message makes a batch entry: one CommitLog
 * record and one ConsumeQueue entry, each message still with its own queue offset.
 *
 * @param topic    topic name
 * @param queueId  queue id, {@code >= 0}
 * @param messages at least one message
 * @param bornHost the producer's address as {@code host:port}, or empty
 */
public record AppendRequest(String topic, int queueId, List<MessageDraft> messages, String bornHost) {
    public AppendRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(messages, "messages");
        bornHost = bornHost == null ? "" : bornHost;
        messages = List.copyOf(messages);
    }

    public static AppendRequest single(String topic, int queueId, MessageDraft message) {
        return new AppendRequest(topic, queueId, List.of(message), "");
    }
}
