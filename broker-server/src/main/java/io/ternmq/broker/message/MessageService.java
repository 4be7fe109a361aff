package io.ternmq.broker.message;

import io.ternmq.broker.delay.ScheduleRouter;
import io.ternmq.broker.delay.ScheduleTopics;
import io.ternmq.broker.stats.BrokerStats;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.ReadBytesResult;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.RecordCheck;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.broker.topic.TopicRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one path by which any protocol front-end (native, later Kafka) appends and reads messages: topic checks
 * (with auto-creation), message limits, then the store, counting throughput on the way.
 *
 * <p>Thread-safe; never blocks: appends complete asynchronously (SYNC_FLUSH waits happen in the store's future).
 */
public final class MessageService {
    private final MessageStore store;
    private final TopicRegistry topics;
    private final BrokerStats stats;
    private final int maxMessageSize;
    private final ScheduleRouter schedule;

    /**
     * @param schedule routes delayed messages (DELAY, TIMER_DELIVER_MS) into the schedule instead of their topic
     */
    public MessageService(MessageStore store, TopicRegistry topics, BrokerStats stats, int maxMessageSize,
                          ScheduleRouter schedule) {
        this.store = store;
        this.schedule = schedule;
        this.topics = topics;
        this.stats = stats;
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Checks the topic and queue, the message sizes, then appends; a delayed message is stored in the schedule
     * ({@link ScheduleRouter}) and reaches its topic when due.
     */
    public CompletableFuture<AppendOutcome> append(AppendRequest request) {
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        AppendRequest routed = checked.routed();
        CompletableFuture<AppendResult> stored;
        try {
            stored = store.append(routed);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return outcome(routed, stored);
    }

    /**
     * As {@link #append} for each request, in list order, with the accepted ones written to the store together
     * ({@link MessageStore#appendAll}): one SEND_MULTI's entries for many queues cost one CommitLog write.
     *
     * @return one future per request, in list order
     */
    public List<CompletableFuture<AppendOutcome>> appendAll(List<AppendRequest> requests) {
        List<CompletableFuture<AppendOutcome>> outcomes = new ArrayList<>(requests.size());
        List<AppendRequest> accepted = new ArrayList<>(requests.size());
        List<Integer> acceptedIndexes = new ArrayList<>(requests.size());
        for (AppendRequest request : requests) {
            Checked checked = check(request);
            if (checked.refusal() == null) {
                acceptedIndexes.add(outcomes.size());
                accepted.add(checked.routed());
            }
            outcomes.add(checked.refusal());
        }
        if (accepted.isEmpty()) {
            return outcomes;
        }
        List<CompletableFuture<AppendResult>> stored;
        try {
            stored = store.appendAll(accepted);
        } catch (RuntimeException e) {
            stored = Collections.nCopies(accepted.size(), CompletableFuture.failedFuture(e));
        }
        for (int i = 0; i < accepted.size(); i++) {
            outcomes.set(acceptedIndexes.get(i), outcome(accepted.get(i), stored.get(i)));
        }
        return outcomes;
    }

    /** A request after its checks: refused (a completed outcome), or to be stored as {@code routed}. */
    private record Checked(CompletableFuture<AppendOutcome> refusal, AppendRequest routed) {
        static Checked refused(AppendOutcome outcome) {
            return new Checked(CompletableFuture.completedFuture(outcome), null);
        }
    }

    /** Topic, queue, limits and schedule checks. */
    private Checked check(AppendRequest request) {
        TopicCheck check = topics.checkWrite(request.topic(), request.queueId());
        if (check != TopicCheck.OK) {
            return Checked.refused(AppendOutcome.rejected(check));
        }
        AppendResult invalid = validate(request);
        if (invalid != null) {
            return Checked.refused(new AppendOutcome(TopicCheck.OK, invalid));
        }
        ScheduleRouter.Routing routing = schedule.route(request);
        if (routing.rejection() != null) {
            return Checked.refused(new AppendOutcome(TopicCheck.OK, routing.rejection()));
        }
        return new Checked(null, routing.request());
    }

    private CompletableFuture<AppendOutcome> outcome(AppendRequest request, CompletableFuture<AppendResult> stored) {
        boolean scheduled = ScheduleTopics.isInternal(request.topic());
        long bytes = 0;
        for (int i = 0; i < request.messages().size(); i++) {
            bytes += request.bodyLength(i);
        }
        long storedBytes = bytes;
        return stored.handle((result, error) -> {
            if (error != null) {
                return new AppendOutcome(TopicCheck.OK,
                        AppendResult.rejected(AppendStatus.SERVICE_NOT_AVAILABLE, "store failed: " + error));
            }
            if (result.ok()) {
                stats.recordIn(result.messageCount(), storedBytes);
            }
            return new AppendOutcome(TopicCheck.OK, result, scheduled);
        });
    }

    private AppendResult validate(AppendRequest request) {
        if (request.messages().isEmpty()) {
            return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, "empty batch");
        }
        long total = 0;
        for (int i = 0; i < request.messages().size(); i++) {
            MessageDraft m = request.messages().get(i);
            int bodyLength = request.bodyLength(i);
            if (bodyLength > maxMessageSize) {
                return AppendResult.rejected(AppendStatus.MESSAGE_TOO_LARGE, "message body of " + bodyLength
                        + " bytes exceeds maxMessageSize " + maxMessageSize);
            }
            total += bodyLength;
            for (var property : m.properties().entrySet()) {
                if (property.getKey().isEmpty() || property.getValue() == null) {
                    return AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL,
                            "property names must be non-empty and values non-null");
                }
            }
        }
        if (total > maxMessageSize) {
            return AppendResult.rejected(AppendStatus.MESSAGE_TOO_LARGE, "batch of " + total
                    + " body bytes exceeds maxMessageSize " + maxMessageSize);
        }
        return null;
    }

    /** Checks the topic and queue, then reads. */
    public ReadOutcome read(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                            MessageFilter filter) {
        TopicCheck check = topics.checkRead(topic, queueId);
        if (check != TopicCheck.OK) {
            return new ReadOutcome(check, null);
        }
        ReadResult result = store.read(topic, queueId, offset, maxMessages, maxBytes, filter);
        if (!result.messages().isEmpty()) {
            long bytes = 0;
            for (StoredMessage m : result.messages()) {
                bytes += m.body().length;
            }
            stats.recordOut(result.messages().size(), bytes);
        }
        return new ReadOutcome(TopicCheck.OK, result);
    }

    /** Checks the topic and queue, then reads the messages as CRC-verified record bytes (the pull path). */
    public ReadBytesOutcome readBytes(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                                      MessageFilter filter) {
        return readBytes(topic, queueId, offset, maxMessages, maxBytes, filter, RecordCheck.ON_READ);
    }

    /** As {@link #readBytes(String, int, long, int, int, MessageFilter)}, with the record CRC check {@code crc}. */
    public ReadBytesOutcome readBytes(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                                      MessageFilter filter, RecordCheck crc) {
        TopicCheck check = topics.checkRead(topic, queueId);
        if (check != TopicCheck.OK) {
            return new ReadBytesOutcome(check, null);
        }
        ReadBytesResult result = store.readBytes(topic, queueId, offset, maxMessages, maxBytes, filter, crc);
        if (!result.messages().isEmpty()) {
            long bytes = 0;
            for (StoredMessageBytes m : result.messages()) {
                bytes += m.bodyLength();
            }
            stats.recordOut(result.messages().size(), bytes);
        }
        return new ReadBytesOutcome(TopicCheck.OK, result);
    }

    /** The store underneath, for queries and offsets (read-only uses). */
    public MessageStore store() {
        return store;
    }
}
