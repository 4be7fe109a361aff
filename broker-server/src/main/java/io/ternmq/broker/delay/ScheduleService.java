package io.ternmq.broker.delay;

import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.store.MessageStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers delayed messages when they are due. One thread ({@code ternmq-schedule}) wakes every
 * {@value #TICK_MS} ms and drains every schedule queue: the delay-level queues of
 * {@link ScheduleTopics#SCHEDULE_TOPIC} and the hop queues of {@link ScheduleTopics#TIMER_TOPIC}
 * ({@link ScheduleQueue}), then persists the cursors that moved ({@link ScheduleCursors}). A message is therefore
 * delivered at most a tick after it is due (plus up to a second of rounding for timer messages).
 *
 * <p>Memory: a few longs per queue, and one read batch at a time; nothing grows with the number of waiting
 * messages, which live only in the store.
 *
 * <p>Crash behaviour: waiting messages are ordinary store entries, so they survive whatever the store survives.
 * Cursors are persisted after the deliveries they cover, so a crash repeats at most the deliveries of the last
 * tick; {@link #close()} stops the thread, then persists, so a graceful restart repeats none.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread.
 */
public final class ScheduleService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ScheduleService.class.getName());
    static final long TICK_MS = 100;

    private final MessageStore store;
    private final DueMessageForwarder forwarder;
    private final ScheduleCursors cursors;
    private final List<ScheduleQueue> queues = new ArrayList<>();
    private final Clock clock;
    private final ScheduledExecutorService executor;

    /**
     * @param messages  the append path used for deliveries (and the store underneath)
     * @param levels    the delay level table
     * @param configDir the store's {@code config/} directory, for the cursor file
     * @param clock     the broker clock (the store's)
     */
    public ScheduleService(MessageService messages, DelayLevels levels, Path configDir, Clock clock) {
        this.store = messages.store();
        this.forwarder = new DueMessageForwarder(messages);
        this.cursors = new ScheduleCursors(configDir);
        this.clock = clock;
        int levelQueues = levels.count();
        for (int q : store.queueIds(ScheduleTopics.SCHEDULE_TOPIC)) {
            levelQueues = Math.max(levelQueues, q + 1); // levels removed from the table: still drain them
        }
        for (int q = 0; q < levelQueues; q++) {
            queues.add(new ScheduleQueue(ScheduleTopics.SCHEDULE_TOPIC, q, levels.delayMs(q + 1)));
        }
        for (int q = 0; q < TimerHops.COUNT; q++) {
            queues.add(new ScheduleQueue(ScheduleTopics.TIMER_TOPIC, q, TimerHops.hopMs(q)));
        }
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ternmq-schedule");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts delivering. */
    public void start() {
        executor.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** One pass over all queues; public for tests that drive time by hand. */
    public synchronized int tick() {
        int moved = 0;
        try {
            long now = clock.millis();
            for (ScheduleQueue queue : queues) {
                moved += queue.drain(store, forwarder, cursors, now);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "schedule delivery failed; will retry", e);
        } finally {
            persist();
        }
        return moved;
    }

    private void persist() {
        try {
            cursors.persistIfDirty();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot persist schedule offsets; will retry", e);
        }
    }

    /** Stops the thread (waiting for a running pass) and persists the cursors. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "schedule thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        persist();
    }
}
