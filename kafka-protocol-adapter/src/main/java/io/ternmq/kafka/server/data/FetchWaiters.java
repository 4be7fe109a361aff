package io.ternmq.kafka.server.data;

import io.ternmq.broker.store.MessageArrivalListener;
import io.ternmq.kafka.server.KafkaConnection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long polling for Kafka Fetch: a fetch that found too little data waits here for new messages in any of its
 * partitions, for its {@code max_wait_ms}, for its connection to close, or for the broker to shut down, whichever
 * comes first. The broker's arrival notifications ({@link MessageArrivalListener}, fanned out by
 * {@code BrokerCore.arrivals()}) wake it as soon as a message becomes readable, so end-to-end latency is not bounded by
 * a polling interval.
 *
 * <p>A message that lands between the fetch's read and its registration here is caught by re-checking each queue's
 * end offset after registering. Every wait ends exactly once; its future completes on the wake executor, never on the
 * store's dispatcher thread (which calls {@link #arrived}) nor on a connection's event loop.
 *
 * <p>Thread-safe.
 */
public final class FetchWaiters implements MessageArrivalListener, AutoCloseable {
    /** Why a wait ended. */
    public enum WakeReason {
        /** A watched queue has a message at or after the watched offset. */
        ARRIVAL,
        /** {@code max_wait_ms} passed. */
        TIMEOUT,
        /** The client's connection closed: nobody reads the answer. */
        CONNECTION_CLOSED,
        /** The listener is shutting down: answer with what there is. */
        SHUTDOWN
    }

    /** A queue a fetch waits on, and the offset from which a message counts as new for it. */
    public record WatchedQueue(String topic, int queueId, long offset) {
    }

    /** Reads a queue's end offset (the offset the next message will get). */
    @FunctionalInterface
    public interface EndOffsetProbe {
        long endOffset(String topic, int queueId);
    }

    private record QueueKey(String topic, int queueId) {
    }

    private final class Waiter {
        final List<WatchedQueue> queues;
        final CompletableFuture<WakeReason> future = new CompletableFuture<>();
        final AtomicBoolean done = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;
        volatile Runnable unregisterClose;

        Waiter(List<WatchedQueue> queues) {
            this.queues = queues;
        }

        void end(WakeReason reason) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            for (WatchedQueue q : queues) {
                // atomic per key with the registration in await, so a set is never dropped while being joined
                waiting.computeIfPresent(new QueueKey(q.topic(), q.queueId()), (k, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
            }
            all.remove(this);
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            Runnable unregister = unregisterClose;
            if (unregister != null) {
                unregister.run();
            }
            try {
                wakeExecutor.execute(() -> future.complete(reason));
            } catch (RejectedExecutionException e) {
                future.complete(reason);
            }
        }
    }

    private final Map<QueueKey, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final Set<Waiter> all = ConcurrentHashMap.newKeySet();
    private final EndOffsetProbe probe;
    private final ScheduledExecutorService timer;
    private final Executor wakeExecutor;
    private volatile boolean closed;

    /**
     * @param probe        the store's end offsets, for the lost-wake-up re-check
     * @param timer        runs the {@code max_wait_ms} timeouts (its tasks only hand work on)
     * @param wakeExecutor where woken fetches continue (re-read and build their response)
     */
    public FetchWaiters(EndOffsetProbe probe, ScheduledExecutorService timer, Executor wakeExecutor) {
        this.probe = probe;
        this.timer = timer;
        this.wakeExecutor = wakeExecutor;
    }

    /**
     * Waits until a message arrives at or after the watched offset of any of {@code queues}, or {@code waitMs}
     * passed, or {@code connection} closed, or {@link #close}.
     *
     * @param connection the client's connection; null when there is none (tests)
     * @return completes once with the reason, on the wake executor
     */
    public CompletableFuture<WakeReason> await(List<WatchedQueue> queues, long waitMs, KafkaConnection connection) {
        Waiter waiter = new Waiter(List.copyOf(queues));
        if (closed) {
            waiter.end(WakeReason.SHUTDOWN);
            return waiter.future;
        }
        all.add(waiter);
        for (WatchedQueue q : waiter.queues) {
            waiting.compute(new QueueKey(q.topic(), q.queueId()), (k, set) -> {
                Set<Waiter> joined = set != null ? set : ConcurrentHashMap.newKeySet();
                joined.add(waiter);
                return joined;
            });
        }
        if (connection != null) {
            waiter.unregisterClose = connection.whenClosed(() -> waiter.end(WakeReason.CONNECTION_CLOSED));
        }
        try {
            waiter.timeout = timer.schedule(() -> waiter.end(WakeReason.TIMEOUT), Math.max(0, waitMs),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiter.end(WakeReason.SHUTDOWN);
        }
        if (closed) {
            waiter.end(WakeReason.SHUTDOWN);
        }
        for (WatchedQueue q : waiter.queues) {
            if (probe.endOffset(q.topic(), q.queueId()) > q.offset()) {
                waiter.end(WakeReason.ARRIVAL);
                break;
            }
        }
        if (waiter.done.get()) {
            // ended during registration: a timeout scheduled after end() must not linger in the timer
            ScheduledFuture<?> t = waiter.timeout;
            if (t != null) {
                t.cancel(false);
            }
        }
        return waiter.future;
    }

    @Override
    public void arrived(String topic, int queueId, long maxOffset, long tagHash) {
        Set<Waiter> set = waiting.get(new QueueKey(topic, queueId));
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Waiter waiter : set) {
            for (WatchedQueue q : waiter.queues) {
                if (q.queueId() == queueId && q.offset() < maxOffset && q.topic().equals(topic)) {
                    waiter.end(WakeReason.ARRIVAL);
                    break;
                }
            }
        }
    }

    /** Fetches waiting now. */
    public int waitingCount() {
        return all.size();
    }

    /** Ends every wait with {@link WakeReason#SHUTDOWN}; later waits end at once. */
    @Override
    public void close() {
        closed = true;
        for (Waiter waiter : all) {
            waiter.end(WakeReason.SHUTDOWN);
        }
    }
}
