package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.Blocking;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Clustering offsets, committed to the broker with COMMIT_CONSUMER_OFFSET. Thread-safe. */
final class RemoteOffsetStore implements OffsetStore {
    private static final System.Logger LOG = System.getLogger(RemoteOffsetStore.class.getName());

    private final RemoteOffsets remote;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

    RemoteOffsetStore(RemoteOffsets remote) {
        this.remote = remote;
    }

    @Override
    public CompletableFuture<OptionalLong> read(MessageQueue mq) {
        return remote.query(mq);
    }

    @Override
    public void update(MessageQueue mq, long offset, boolean force) {
        if (offset < 0) {
            return;
        }
        offsets.merge(mq, offset, (old, neu) -> force ? neu : Math.max(old, neu));
    }

    @Override
    public long current(MessageQueue mq) {
        return offsets.getOrDefault(mq, -1L);
    }

    @Override
    public void persist(Collection<MessageQueue> queues) {
        Map<MessageQueue, Long> batch = new LinkedHashMap<>();
        for (MessageQueue mq : queues) {
            Long o = offsets.get(mq);
            if (o != null) {
                batch.put(mq, o);
            }
        }
        try {
            Blocking.await(remote.commit(batch));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "committing offsets " + batch + " failed: " + e.getMessage());
        }
    }

    @Override
    public void remove(MessageQueue mq) {
        offsets.remove(mq);
    }
}
