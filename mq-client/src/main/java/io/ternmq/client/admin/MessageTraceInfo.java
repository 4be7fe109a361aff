package io.ternmq.client.admin;

import io.ternmq.protocol.command.MessageTrace;

import java.util.List;
import java.util.Optional;

/**
 * The trace of one message ({@link AdminClient#messageTrace}): where it is stored, its retry and dead-letter
 * copies, and for each consumer group whether it consumed each copy.
 *
 * @param uniqueId    the message's UNIQ_KEY, else its broker id
 * @param copies      the original first (when still stored), then retry/DLQ copies by store time
 * @param deliveries  per copy and per group that subscribes to the copy's topic or has an offset for it
 */
public record MessageTraceInfo(String uniqueId, List<StoredCopy> copies, List<GroupDelivery> deliveries) {

    /** What a stored copy is. */
    public enum CopyKind { ORIGINAL, RETRY, DLQ, OTHER }

    /** Where a group stands with a copy: committed past it, not yet, or no committed offset at all. */
    public enum DeliveryState { CONSUMED, PENDING, NOT_STARTED }

    /** One stored copy of the message. */
    public record StoredCopy(CopyKind kind, String topic, int queueId, long queueOffset, String messageId,
                             long storeTimestamp, int reconsumeTimes) {
    }

    /**
     * One group's view of one copy.
     *
     * @param consumerOffset the group's committed offset of the copy's queue, -1 when none
     * @param onlineClients  the group's live clients
     */
    public record GroupDelivery(String group, String topic, int queueId, long queueOffset, long consumerOffset,
                                DeliveryState state, List<String> onlineClients) {
    }

    /** The group's state for the original message, if the group subscribes to its topic. */
    public Optional<DeliveryState> originalStateFor(String group) {
        if (copies.isEmpty() || copies.get(0).kind() != CopyKind.ORIGINAL) {
            return Optional.empty();
        }
        StoredCopy original = copies.get(0);
        return deliveries.stream().filter(d -> d.group().equals(group) && d.topic().equals(original.topic())
                && d.queueId() == original.queueId() && d.queueOffset() == original.queueOffset())
                .map(GroupDelivery::state).findFirst();
    }

    static MessageTraceInfo of(MessageTrace.Response r) {
        List<StoredCopy> copies = r.copies().stream().map(c -> new StoredCopy(CopyKind.valueOf(c.kind().name()),
                c.topic(), c.queueId(), c.queueOffset(), c.messageId(), c.storeTimestamp(), c.reconsumeTimes()))
                .toList();
        List<GroupDelivery> deliveries = r.deliveries().stream().map(d -> new GroupDelivery(d.group(), d.topic(),
                d.queueId(), d.queueOffset(), d.consumerOffset(), DeliveryState.valueOf(d.state().name()),
                List.copyOf(d.onlineClients()))).toList();
        return new MessageTraceInfo(r.uniqueId(), copies, deliveries);
    }
}
