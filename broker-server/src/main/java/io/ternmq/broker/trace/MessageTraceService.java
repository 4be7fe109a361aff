package io.ternmq.broker.trace;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.core.GroupTopics;
import io.ternmq.broker.delay.ScheduleTopics;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.command.MessageTrace;
import io.ternmq.protocol.command.MessageTrace.CopyKind;
import io.ternmq.protocol.command.MessageTrace.DeliveryState;
import io.ternmq.protocol.message.MessageProperties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Builds a message's trace from what the broker already keeps, without a trace topic: the store (the message and
 * its copies, found by UNIQ_KEY through the index), committed consumer offsets and live group subscriptions.
 *
 * <ul>
 *   <li>The original is looked up by broker id or UNIQ_KEY. When the id names a retry or DLQ copy, the original is
 *       followed through {@code ORIGIN_MESSAGE_ID} / {@code DLQ_ORIGIN_MESSAGE_ID}.</li>
 *   <li>Copies: for every known group, {@code %RETRY%group} and {@code %DLQ%group} messages with the same
 *       UNIQ_KEY (retry copies keep it). A retry copy still waiting in the delay schedule is not listed until it
 *       reaches its retry topic.</li>
 *   <li>Deliveries: per copy and per group that subscribes to its topic or has an offset for it, CONSUMED when the
 *       group's committed offset is past the copy's queue offset. "Consumed" therefore means "acknowledged and
 *       committed"; a message being processed right now shows as PENDING.</li>
 * </ul>
 *
 * <p>Thread-safe: it only reads thread-safe services.
 */
public final class MessageTraceService {
    /** Property names of retry and DLQ copies (see docs/protocol.md, SEND_BACK). */
    static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    static final String DLQ_ORIGIN_MESSAGE_ID = "DLQ_ORIGIN_MESSAGE_ID";
    static final String RETRY_PREFIX = "%RETRY%";
    static final String DLQ_PREFIX = "%DLQ%";
    private static final int MAX_COPIES_PER_TOPIC = 32;

    private final BrokerCore core;

    public MessageTraceService(BrokerCore core) {
        this.core = core;
    }

    /** The trace of the message with this broker id or UNIQ_KEY; empty when no such message is stored. */
    public Optional<MessageTrace.Response> trace(String messageId) {
        MessageStore store = core.messages().store();
        Optional<StoredMessage> found = store.queryById(messageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredMessage original = originalOf(found.get());
        String uniq = original.properties().get(MessageProperties.UNIQ_KEY);
        String uniqueId = uniq != null ? uniq : original.messageId();
        Map<String, Set<String>> topicsByGroup = GroupTopics.of(core);
        List<StoredMessage> copies = new ArrayList<>();
        copies.add(original);
        if (uniq != null) {
            for (String group : topicsByGroup.keySet()) {
                copies.addAll(copiesIn(store, RETRY_PREFIX + group, uniq));
                copies.addAll(copiesIn(store, DLQ_PREFIX + group, uniq));
            }
        }
        copies.subList(1, copies.size()).sort(Comparator.comparingLong(StoredMessage::storeTimestamp));
        List<MessageTrace.StoredCopy> storedCopies = new ArrayList<>();
        List<MessageTrace.GroupDelivery> deliveries = new ArrayList<>();
        for (StoredMessage copy : copies) {
            CopyKind kind = copy == original ? CopyKind.ORIGINAL : kindOf(copy.topic());
            storedCopies.add(new MessageTrace.StoredCopy(kind, copy.topic(), copy.queueId(), copy.queueOffset(),
                    copy.messageId(), copy.storeTimestamp(), copy.reconsumeTimes()));
            topicsByGroup.forEach((group, topics) -> {
                if (topics.contains(copy.topic()) || ownCopy(group, copy.topic())) {
                    deliveries.add(delivery(group, copy));
                }
            });
        }
        return Optional.of(new MessageTrace.Response(uniqueId, storedCopies, deliveries));
    }

    private StoredMessage originalOf(StoredMessage m) {
        if (!m.topic().startsWith(RETRY_PREFIX) && !m.topic().startsWith(DLQ_PREFIX)
                && !ScheduleTopics.isInternal(m.topic())) {
            return m;
        }
        // a retry copy waiting in the delay schedule carries ORIGIN_MESSAGE_ID like the delivered one
        String origin = m.properties().getOrDefault(ORIGIN_MESSAGE_ID, m.properties().get(DLQ_ORIGIN_MESSAGE_ID));
        if (origin == null) {
            return m;
        }
        return core.messages().store().queryById(origin).orElse(m);
    }

    private static List<StoredMessage> copiesIn(MessageStore store, String topic, String uniq) {
        return store.queryByKey(topic, uniq, 0, Long.MAX_VALUE, MAX_COPIES_PER_TOPIC);
    }

    private static CopyKind kindOf(String topic) {
        if (topic.startsWith(RETRY_PREFIX)) {
            return CopyKind.RETRY;
        }
        return topic.startsWith(DLQ_PREFIX) ? CopyKind.DLQ : CopyKind.OTHER;
    }

    private static boolean ownCopy(String group, String topic) {
        return topic.equals(RETRY_PREFIX + group) || topic.equals(DLQ_PREFIX + group);
    }

    private MessageTrace.GroupDelivery delivery(String group, StoredMessage copy) {
        OptionalLong committed = core.offsets().query(group, copy.topic(), copy.queueId());
        DeliveryState state = committed.isEmpty() ? DeliveryState.NOT_STARTED
                : committed.getAsLong() > copy.queueOffset() ? DeliveryState.CONSUMED : DeliveryState.PENDING;
        return new MessageTrace.GroupDelivery(group, copy.topic(), copy.queueId(), copy.queueOffset(),
                committed.orElse(-1), state, core.consumerGroups().consumerIds(group));
    }
}
