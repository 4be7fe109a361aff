package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Where a push consumer keeps its progress: on the broker (clustering) or in a local file (broadcasting).
 * {@link #update} only records in memory; {@link #persist} makes it durable. Implementations are thread-safe.
 */
interface OffsetStore {
    /** The durable offset for a queue, read fresh from the backing store; empty when there is none. */
    CompletableFuture<OptionalLong> read(MessageQueue mq);

    /** Records the offset to commit (in memory). Only moves forward unless {@code force}. */
    void update(MessageQueue mq, long offset, boolean force);

    /** The offset last recorded in memory, -1 when none. */
    long current(MessageQueue mq);

    /** Makes the recorded offsets of these queues durable (best effort, logs failures). */
    void persist(Collection<MessageQueue> queues);

    /** Forgets a queue after its offset was persisted (the queue went to another member). */
    void remove(MessageQueue mq);
}
