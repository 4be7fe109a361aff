package io.ternmq.broker.store.read;

import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueEntry;

import java.util.List;

/**
 * ConsumeQueue entries of one read, in order, fetched a chunk at a time ({@link ConsumeQueue#entries}): one system
 * call per chunk instead of one per entry. Not thread-safe; one per read.
 */
final class EntryCursor {
    /** Most entries fetched at once (3 KiB); a read rarely needs more than its message limit of them. */
    private static final int CHUNK = 64;

    private final ConsumeQueue queue;
    private List<ConsumeQueueEntry> chunk = List.of();
    private long chunkStart;

    EntryCursor(ConsumeQueue queue, long first) {
        this.queue = queue;
        this.chunkStart = first;
    }

    /**
     * The entry at {@code index}, or null when it is missing or damaged.
     *
     * @param expected about how many entries the read may still need, so a small read fetches a small chunk
     */
    ConsumeQueueEntry get(long index, int expected) {
        if (index < chunkStart || index >= chunkStart + chunk.size()) {
            chunk = queue.entries(index, Math.max(1, Math.min(CHUNK, expected)));
            chunkStart = index;
            if (chunk.isEmpty()) {
                return null;
            }
        }
        return chunk.get((int) (index - chunkStart));
    }
}
