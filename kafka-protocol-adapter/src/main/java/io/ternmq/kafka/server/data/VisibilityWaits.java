package io.ternmq.kafka.server.data;

import io.ternmq.broker.store.MessageArrivalListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Produce's read-your-writes wait: a produced batch is answered once its queue's end offset has passed the batch's
 * last offset, which the store's dispatcher reaches a moment after the append is acknowledged.
 *
 * <p>Kept apart from {@link FetchWaiters} because a produce wait is far simpler and far more frequent (one per
 * partition of every Produce): no timer task, no connection hook, no hand-off to another thread. The dispatcher
 * completes the waits itself in {@link #arrived}, so what a waiting produce runs on completion must be cheap and
 * non-blocking (building and encoding a small response). A wait that is still open after {@code maxWaitMs} (the
 * dispatcher stalled) is completed by {@link #sweep}, called periodically: the batch is stored, so it is answered
 * as stored.
 *
 * <p>A wait registered just after the arrival that would have woken it is caught by re-checking the end offset after
 * registering. Thread-safe.
 */
public final class VisibilityWaits implements MessageArrivalListener, AutoCloseable {
    private record QueueKey(String topic, int queueId) {
    }

    private record Wait(long lastOffset, long deadline, CompletableFuture<Void> future) {
    }

    /** One queue's open waits, lowest last offset first. */
    private static final class QueueWaits {
        private final PriorityQueue<Wait> byOffset = new PriorityQueue<>(
                (a, b) -> Long.compare(a.lastOffset(), b.lastOffset()));

        synchronized void add(Wait wait) {
            byOffset.add(wait);
        }

        /** Removes and returns the waits whose batch is below {@code endOffset}; null when there are none. */
        synchronized List<Wait> takeBelow(long endOffset) {
            List<Wait> ready = null;
            while (!byOffset.isEmpty() && byOffset.peek().lastOffset() < endOffset) {
                if (ready == null) {
                    ready = new ArrayList<>(4);
                }
                ready.add(byOffset.poll());
            }
            return ready;
        }

        /** Removes and returns the waits past their deadline (all of them when {@code now} is MAX_VALUE). */
        synchronized List<Wait> takeExpired(long now) {
            List<Wait> expired = new ArrayList<>();
            byOffset.removeIf(w -> {
                if (w.deadline() <= now) {
                    expired.add(w);
                    return true;
                }
                return false;
            });
            return expired;
        }
    }

    private final Map<QueueKey, QueueWaits> queues = new ConcurrentHashMap<>();
    private final FetchWaiters.EndOffsetProbe probe;
    private final LongSupplier clockMs;
    private final long maxWaitMs;
    private volatile boolean closed;

    /**
     * @param probe     the store's end offsets, for the re-check after registering
     * @param clockMs   milliseconds, for deadlines
     * @param maxWaitMs how long a wait may stay open before {@link #sweep} completes it
     */
    public VisibilityWaits(FetchWaiters.EndOffsetProbe probe, LongSupplier clockMs, long maxWaitMs) {
        this.probe = probe;
        this.clockMs = clockMs;
        this.maxWaitMs = maxWaitMs;
    }

    /**
     * Completes once the queue's end offset is past {@code lastOffset}: at once if it already is (on the caller's
     * thread), else on the thread that reports the arrival.
     */
    public CompletableFuture<Void> await(String topic, int queueId, long lastOffset) {
        if (closed || probe.endOffset(topic, queueId) > lastOffset) {
            return CompletableFuture.completedFuture(null);
        }
        Wait wait = new Wait(lastOffset, clockMs.getAsLong() + maxWaitMs, new CompletableFuture<>());
        QueueWaits waits = queues.computeIfAbsent(new QueueKey(topic, queueId), k -> new QueueWaits());
        waits.add(wait);
        // the arrival may have been reported between the probe above and the add: look again
        if (closed || probe.endOffset(topic, queueId) > lastOffset) {
            completeAll(waits.takeBelow(closed ? Long.MAX_VALUE : probe.endOffset(topic, queueId)));
        }
        return wait.future();
    }

    @Override
    public void arrived(String topic, int queueId, long maxOffset, long tagHash) {
        QueueWaits waits = queues.get(new QueueKey(topic, queueId));
        if (waits != null) {
            completeAll(waits.takeBelow(maxOffset));
        }
    }

    /** Completes the waits open for longer than {@code maxWaitMs}; returns how many. */
    public int sweep() {
        long now = clockMs.getAsLong();
        int count = 0;
        for (QueueWaits waits : queues.values()) {
            List<Wait> expired = waits.takeExpired(now);
            count += expired.size();
            completeAll(expired);
        }
        return count;
    }

    /** Completes every open wait; later waits complete at once. */
    @Override
    public void close() {
        closed = true;
        for (QueueWaits waits : queues.values()) {
            completeAll(waits.takeExpired(Long.MAX_VALUE));
        }
    }

    private static void completeAll(List<Wait> ready) {
        if (ready != null) {
            for (Wait wait : ready) {
                wait.future().complete(null);
            }
        }
    }
}
