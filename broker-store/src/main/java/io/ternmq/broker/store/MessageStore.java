package io.ternmq.broker.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The broker's storage engine: one append-only CommitLog for all topics, a ConsumeQueue per (topic, queue)
 * and a key/id/time index, with flushing, crash recovery and retention.
 *
 * <p>This is the whole public surface of the store; everything else in this package is an implementation
 * detail. Implementations are thread-safe: appends from many threads are serialised internally, reads run
 * concurrently with appends.
 *
 * <p>Delivery contract: once {@link #append} completes with {@link AppendStatus#PUT_OK}, the messages survive a
 * process crash (ASYNC_FLUSH: they are in the OS page cache) or a machine crash (SYNC_FLUSH: they were fsynced).
 * Messages become readable through {@link #read} once the dispatcher has indexed them (normally within a
 * millisecond); {@link MessageArrivalListener} is told when that happens.
 */
public interface MessageStore extends AutoCloseable {

    /**
     * Appends one entry for one queue: a single message, or a batch whose messages get consecutive queue
     * offsets. Nothing is written when the request is rejected (too large, disk full, illegal).
     */
    CompletableFuture<AppendResult> append(AppendRequest request);

    /**
     * Appends several entries in list order, each as {@link #append} would (own checks, own result, same
     * durability), but written together: entries for many queues arriving in one request cost one write instead
     * of one each. Entries of the same queue keep their list order. A rejected entry fails only itself, except
     * when the whole store cannot write (disk full, I/O error), which fails all.
     *
     * @return one future per request, in list order
     */
    default List<CompletableFuture<AppendResult>> appendAll(List<AppendRequest> requests) {
        List<CompletableFuture<AppendResult>> results = new ArrayList<>(requests.size());
        for (AppendRequest r : requests) {
            results.add(append(r));
        }
        return results;
    }

    /**
     * Reads up to {@code maxMessages} messages (and about {@code maxBytes}, at least one message) of one queue
     * starting at {@code offset}, skipping messages the filter rejects.
     */
    ReadResult read(String topic, int queueId, long offset, int maxMessages, int maxBytes, MessageFilter filter);

    /**
     * As {@link #read}, with each message as the bytes of its CRC-verified record, for encoders that copy fields
     * straight into a response.
     */
    default ReadBytesResult readBytes(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                                      MessageFilter filter) {
        return readBytes(topic, queueId, offset, maxMessages, maxBytes, filter, RecordCheck.ON_READ);
    }

    /** As {@link #readBytes(String, int, long, int, int, MessageFilter)}, with the CRC check {@code check}. */
    ReadBytesResult readBytes(String topic, int queueId, long offset, int maxMessages, int maxBytes,
                              MessageFilter filter, RecordCheck check);

    /** Lowest queue offset still readable (0 for an empty or unknown queue). */
    long minOffset(String topic, int queueId);

    /** Queue offset the next message of this queue will get (0 for an unknown queue). */
    long maxOffset(String topic, int queueId);

    /**
     * The first queue offset whose store timestamp is at or after {@code timestampMs}, or
     * {@link #maxOffset} when every message is older.
     */
    long offsetForTimestamp(String topic, int queueId, long timestampMs);

    /** Store timestamp of the message at this queue offset, or -1 when it is not there (any more). */
    long storeTimestampAt(String topic, int queueId, long offset);

    /** Messages of the topic whose KEYS contain {@code key} (or whose UNIQ_KEY is it), newest first. */
    List<StoredMessage> queryByKey(String topic, String key, long beginTimestampMs, long endTimestampMs, int maxResults);

    /** Looks a message up by its broker message id ({@link StoredMessage#messageId()}) or its client UNIQ_KEY. */
    Optional<StoredMessage> queryById(String messageId);

    /** Messages of the topic stored within the time range, oldest first. */
    List<StoredMessage> queryByTime(String topic, long beginTimestampMs, long endTimestampMs, int maxResults);

    /** Drops the ConsumeQueues and index entries of a topic; CommitLog space is reclaimed by retention. */
    void deleteTopic(String topic);

    /** The queue ids that hold data for this topic. */
    List<Integer> queueIds(String topic);

    /** Registers the listener told about newly readable messages (used by long polling). */
    void setArrivalListener(MessageArrivalListener listener);

    /** Runtime figures: offsets, flush progress, disk usage. */
    StoreStatus status();

    /** Flushes everything, writes the checkpoint and the clean-shutdown marker. */
    @Override
    void close();
}
