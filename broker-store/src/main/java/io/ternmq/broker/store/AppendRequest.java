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
 * @param attached null, or the messages as another protocol framed them; then their bodies are ranges of it
 *                 ({@link AttachedBatch}) and the drafts' own bodies must be empty
 */
public record AppendRequest(String topic, int queueId, List<MessageDraft> messages, String bornHost,
                            AttachedBatch attached) {
    public AppendRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(messages, "messages");
        bornHost = bornHost == null ? "" : bornHost;
        messages = List.copyOf(messages);
        if (attached != null) {
            if (attached.bodyStarts().length != messages.size()) {
                throw new IllegalArgumentException(messages.size() + " messages but " + attached.bodyStarts().length
                        + " attached bodies");
            }
            for (MessageDraft m : messages) {
                if (m.body().length != 0) {
                    throw new IllegalArgumentException("a message with an attached body has no body of its own");
                }
            }
        }
    }

    public AppendRequest(String topic, int queueId, List<MessageDraft> messages, String bornHost) {
        this(topic, queueId, messages, bornHost, null);
    }

    public static AppendRequest single(String topic, int queueId, MessageDraft message) {
        return new AppendRequest(topic, queueId, List.of(message), "");
    }

    /** Length of message {@code i}'s body, wherever it is kept. */
    public int bodyLength(int i) {
        return attached == null ? messages.get(i).body().length : attached.bodyLengths()[i];
    }
}
