package io.ternmq.client.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Orderly consumption: each queue is consumed by at most one consume thread at a time, always from the head of its
 * process queue (the lowest unacknowledged offsets), so a queue's messages reach the listener in offset order.
 * Different queues run in parallel on the pool.
 *
 * <p>A queue's <em>turn</em> is a task that loops: check the queue is not dropped and (clustering) that its broker
 * lock is valid, take up to {@code consumeMessageBatchMaxSize} messages from the head, call the listener, and on
 * success acknowledge them and record the commit offset. On {@link ConsumeOrderlyStatus#SUSPEND_CURRENT_QUEUE_A_MOMENT}
 * (or a throw) nothing is acknowledged and the turn is rescheduled after the suspend time: the same messages come
 * again, with {@code reconsumeTimes} counted up, and nothing behind them is delivered first. A queue whose lock
 * is not valid is re-checked after the suspend time. A turn yields its thread after {@value #MAX_TURN_MS} ms so one
 * busy queue cannot starve the others.
 *
 * <p>There is no retry limit here: an orderly message that always fails blocks its queue (and is logged every
 * {@value #WARN_EVERY} attempts) until the listener gives up on it itself, with
 * {@link PushConsumer#sendToDeadLetterQueue} and {@link ConsumeOrderlyStatus#SUCCESS}.
 *
 * <p>Thread-safe: the {@code scheduled} flag of a queue's {@link Turn} makes sure only one turn per queue exists;
 * listener calls are counted in the process queue so a rebalance waits for them before committing and unlocking.
 */
final class OrderlyConsumeService implements ConsumeDispatcher {
    private static final System.Logger LOG = System.getLogger(OrderlyConsumeService.class.getName());
    static final long MAX_TURN_MS = 60_000;
    static final int WARN_EVERY = 16;

    private enum CallOutcome { CONSUMED, SUSPENDED, DROPPED }

    /** Per-queue state of the turn; {@code failedOffset}/{@code attempts} are only touched by the running turn. */
    private static final class Turn {
        final AtomicBoolean scheduled = new AtomicBoolean();
        long failedOffset = -1;
        int attempts;
        long suspendMillis;
    }

    private final ConsumerSettings settings;
    private final MessageListenerOrderly listener;
    private final OffsetStore offsets;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final boolean needsLock;
    private final ExecutorService pool;
    private final PauseGate gate;
    private final Map<ProcessQueue, Turn> turns = new ConcurrentHashMap<>();

    /**
     * @param needsLock true in clustering mode: consume only while the queue's broker lock is valid
     * @param scheduler runs suspended queues' retries
     * @param gate      while closed, a turn about to call the listener is parked (still counted as scheduled)
     */
    OrderlyConsumeService(ConsumerSettings settings, MessageListenerOrderly listener, OffsetStore offsets,
                          ScheduledExecutorService scheduler, boolean needsLock, String clientId, PauseGate gate) {
        this.settings = settings;
        this.gate = gate;
        this.listener = listener;
        this.offsets = offsets;
        this.scheduler = scheduler;
        this.clock = System::currentTimeMillis;
        this.needsLock = needsLock;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.consumeThreads(), settings.consumeThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "ternmq-consume-orderly-" + clientId + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Starts the queue's turn unless one is already running or waiting; the messages are already in {@code pq}. */
    @Override
    public void submit(ProcessQueue pq, List<MessageExt> messages) {
        if (pq.isDropped()) {
            turns.remove(pq);
            return;
        }
        Turn turn = turns.computeIfAbsent(pq, k -> new Turn());
        if (turn.scheduled.compareAndSet(false, true)) {
            execute(pq, turn);
        }
    }

    private void execute(ProcessQueue pq, Turn turn) {
        try {
            pool.execute(() -> run(pq, turn));
        } catch (RejectedExecutionException e) {
            turn.scheduled.set(false); // shutting down: unacknowledged messages hold the offset back
        }
    }

    private void later(ProcessQueue pq, Turn turn, long delayMs) {
        try {
            scheduler.schedule(() -> execute(pq, turn), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            turn.scheduled.set(false);
        }
    }

    private void run(ProcessQueue pq, Turn turn) {
        long turnEnds = clock.getAsLong() + MAX_TURN_MS;
        while (true) {
            if (pq.isDropped()) {
                turns.remove(pq, turn);
                return;
            }
            if (gate.holdIfPaused(() -> execute(pq, turn))) {
                return; // the turn stays scheduled, so no second turn of this queue starts before resume
            }
            if (needsLock && !pq.isLockValid(clock.getAsLong())) {
                later(pq, turn, settings.suspendCurrentQueueTime().toMillis());
                return;
            }
            List<MessageExt> batch = pq.head(settings.consumeBatchSize());
            if (batch.isEmpty()) {
                turn.scheduled.set(false);
                // a pull may have added messages after head() and seen the flag still set
                if (pq.cachedCount() == 0 || !turn.scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (clock.getAsLong() > turnEnds) {
                execute(pq, turn);
                return;
            }
            CallOutcome outcome = call(pq, turn, batch);
            if (outcome == CallOutcome.SUSPENDED) {
                later(pq, turn, turn.suspendMillis);
                return;
            }
            if (outcome == CallOutcome.DROPPED) {
                turns.remove(pq, turn);
                return;
            }
        }
    }

    private CallOutcome call(ProcessQueue pq, Turn turn, List<MessageExt> batch) {
        if (!pq.tryBeginConsume()) {
            return CallOutcome.DROPPED;
        }
        try {
            int attempts = batch.get(0).queueOffset() == turn.failedOffset ? turn.attempts : 0;
            ConsumeOrderlyContext context = new ConsumeOrderlyContext(pq.messageQueue(), settings.group(),
                    settings.suspendCurrentQueueTime().toMillis());
            ConsumeOrderlyStatus status;
            try {
                status = listener.consume(withAttempts(batch, attempts), context);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "orderly listener threw on " + pq.messageQueue() + " at offset "
                        + batch.get(0).queueOffset() + "; the queue is suspended and retried in place", t);
                status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
            if (status == ConsumeOrderlyStatus.SUCCESS) {
                turn.failedOffset = -1;
                turn.attempts = 0;
                offsets.update(pq.messageQueue(), pq.ack(batch), false);
                return CallOutcome.CONSUMED;
            }
            turn.failedOffset = batch.get(0).queueOffset();
            turn.attempts = attempts + 1;
            turn.suspendMillis = context.suspendCurrentQueueTimeMillis();
            if (turn.attempts % WARN_EVERY == 0) {
                LOG.log(System.Logger.Level.WARNING, pq.messageQueue() + " is blocked: offset " + turn.failedOffset
                        + " failed " + turn.attempts + " times (orderly messages are retried in place until the listener dead-letters them)");
            }
            return CallOutcome.SUSPENDED;
        } finally {
            pq.endConsume();
        }
    }

    private static List<MessageExt> withAttempts(List<MessageExt> batch, int attempts) {
        if (attempts == 0) {
            return batch;
        }
        List<MessageExt> out = new ArrayList<>(batch.size());
        for (MessageExt m : batch) {
            out.add(m.withReconsumeTimes(m.reconsumeTimes() + attempts));
        }
        return out;
    }

    @Override
    public void shutdown(long timeoutMs) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }
}
