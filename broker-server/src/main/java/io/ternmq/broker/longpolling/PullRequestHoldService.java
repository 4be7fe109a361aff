package io.ternmq.broker.longpolling;

import io.ternmq.broker.store.MessageArrivalListener;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Long polling: holds pulls that found nothing new until a message arrives in their queue (the store's
 * {@link MessageArrivalListener}) or their wait runs out, then answers them by running the read again.
 *
 * <p>Each held pull completes exactly once, whichever comes first: arrival, timeout, or {@link #close}. A message
 * that lands between the pull's read and its registration is caught by re-checking the queue's max offset after
 * registering. At most {@code maxHeld} pulls are held; beyond that {@link #hold} refuses and the caller answers
 * SYSTEM_BUSY, so a flood of consumers cannot grow the broker's memory without bound.
 *
 * <p>Thread-safe. {@link #arrived} is called on the store's dispatcher thread and only hands work to this service's
 * own threads, never blocking it.
 */
public final class PullRequestHoldService implements MessageArrivalListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PullRequestHoldService.class.getName());

    /** Reads a queue's current max offset. */
    @FunctionalInterface
    public interface MaxOffsetProbe {
        long maxOffset(String topic, int queueId);
    }

    private record QueueKey(String topic, int queueId) {
    }

    private final class HeldPull<R> {
        final QueueKey queue;
        final long offset;
        final Supplier<R> answer;
        final CompletableFuture<R> future = new CompletableFuture<>();
        final AtomicBoolean done = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        HeldPull(QueueKey queue, long offset, Supplier<R> answer) {
            this.queue = queue;
            this.offset = offset;
            this.answer = answer;
        }

        /** Answers the pull unless someone else already did. Runs on a wake thread. */
        void complete() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            Set<HeldPull<?>> set = held.get(queue);
            if (set != null) {
                set.remove(this);
            }
            heldCount.decrementAndGet();
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            try {
                future.complete(answer.get());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }
    }

    private final Map<QueueKey, Set<HeldPull<?>>> held = new ConcurrentHashMap<>();
    private final AtomicInteger heldCount = new AtomicInteger();
    private final int maxHeld;
    private final MaxOffsetProbe probe;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService wakers;

    /**
     * @param maxHeld     most pulls held at once
     * @param wakeThreads threads that run the reads of woken pulls
     * @param probe       the store's max offset, for the lost-wake-up re-check
     */
    public PullRequestHoldService(int maxHeld, int wakeThreads, MaxOffsetProbe probe) {
        this.maxHeld = maxHeld;
        this.probe = probe;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "ternmq-pull-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.wakers = Executors.newFixedThreadPool(wakeThreads, r -> daemon(r, "ternmq-pull-wake"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Holds a pull at {@code offset} of a queue for up to {@code waitMs}; {@code answer} is run once to produce the
     * reply when a message arrives or the time is up.
     *
     * @return the future reply, or empty when too many pulls are held already
     */
    public <R> Optional<CompletableFuture<R>> hold(String topic, int queueId, long offset, long waitMs,
                                                   Supplier<R> answer) {
        if (heldCount.incrementAndGet() > maxHeld) {
            heldCount.decrementAndGet();
            return Optional.empty();
        }
        QueueKey key = new QueueKey(topic, queueId);
        HeldPull<R> pull = new HeldPull<>(key, offset, answer);
        held.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(pull);
        try {
            pull.timeout = timer.schedule(() -> wake(pull), waitMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wake(pull); // shutting down: answer now
        }
        if (probe.maxOffset(topic, queueId) > offset) {
            wake(pull);
        }
        return Optional.of(pull.future);
    }

    @Override
    public void arrived(String topic, int queueId, long maxOffset, long tagHash) {
        Set<HeldPull<?>> set = held.get(new QueueKey(topic, queueId));
        if (set == null || set.isEmpty()) {
            return;
        }
        for (HeldPull<?> pull : set) {
            if (pull.offset < maxOffset) {
                wake(pull);
            }
        }
    }

    private void wake(HeldPull<?> pull) {
        try {
            wakers.execute(pull::complete);
        } catch (RejectedExecutionException e) {
            pull.complete();
        }
    }

    /** Pulls currently held. */
    public int heldCount() {
        return heldCount.get();
    }

    /** Answers every held pull now (with whatever the queue holds) and stops the threads. */
    @Override
    public void close() {
        timer.shutdownNow();
        held.values().forEach(set -> set.forEach(HeldPull::complete));
        wakers.shutdown();
        try {
            if (!wakers.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "pull wake-up threads did not stop in time");
                wakers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
