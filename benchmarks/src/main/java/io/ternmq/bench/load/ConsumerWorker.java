package io.ternmq.bench.load;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One consumer with its own {@link PullConsumer} (own connection) reading its share of the queues, with one pull
 * in flight per queue at all times.
 *
 * <p>Pipelined the way Kafka's consumer prefetches: when a pull's response arrives, the next pull of that queue is
 * sent first and the messages are counted afterwards, so the broker is already reading the next batch while this
 * side handles the last one, and an idle queue's long poll never holds up a busy one (each queue has its own pull).
 * Responses are handled on the client's callback threads; {@link #run()} only keeps the worker alive until stopped.
 * Thread-safety: each queue's chain of pulls is sequential (the next pull is sent from the previous one's
 * callback), and the recorder is thread-safe.
 */
final class ConsumerWorker implements Runnable {
    /** Every queue long-polls: with one pull per queue in flight, waiting on an idle queue delays no other. */
    private static final Duration LONG_POLL = Duration.ofMillis(500);
    private static final long RETRY_DELAY_MS = 100;
    private static final long STOP_CHECK_NANOS = 10_000_000;

    private final PullConsumer consumer;
    private final List<MessageQueue> queues;
    /** consume mode reads everything stored; e2e mode only what is stored from now on. */
    private final boolean readStored;
    /** Most messages per pull ({@code --pull-batch}). */
    private final int pullBatch;
    private final ReceiveRecorder recorder;
    private final BooleanSupplier stopRequested;
    private final Map<MessageQueue, Long> startOffsets = new HashMap<>();
    private final Executor retryLater = CompletableFuture.delayedExecutor(RETRY_DELAY_MS, TimeUnit.MILLISECONDS);

    ConsumerWorker(PullConsumer consumer, List<MessageQueue> queues, Mode mode, int pullBatch,
                   ReceiveRecorder recorder, BooleanSupplier stopRequested) {
        this.consumer = consumer;
        this.queues = List.copyOf(queues);
        this.readStored = mode == Mode.CONSUME;
        this.pullBatch = pullBatch;
        this.recorder = recorder;
        this.stopRequested = stopRequested;
    }

    /** Positions every queue; call before producers start, so e2e mode misses nothing. */
    void positionQueues() {
        long now = System.currentTimeMillis();
        for (MessageQueue q : queues) {
            // the first offset stored at or after a time; "now" gives the end of the queue
            startOffsets.put(q, readStored ? 0 : consumer.searchOffset(q, now));
        }
        consumer.assign(queues);
    }

    @Override
    public void run() {
        for (MessageQueue q : queues) {
            pullFrom(q, startOffsets.get(q));
        }
        while (!stopRequested.getAsBoolean()) {
            LockSupport.parkNanos(STOP_CHECK_NANOS);
        }
    }

    private void pullFrom(MessageQueue q, long offset) {
        if (stopRequested.getAsBoolean()) {
            return;
        }
        consumer.pullAsync(q, offset, pullBatch, LONG_POLL).whenComplete((result, error) -> {
            if (error != null) {
                if (!stopRequested.getAsBoolean()) {
                    recorder.recordError();
                    retryLater.execute(() -> pullFrom(q, offset));
                }
                return;
            }
            pullFrom(q, result.nextOffset()); // before counting: keep the broker busy meanwhile
            record(result);
        });
    }

    private void record(PullResult result) {
        if (result.status() == PullStatus.FOUND && !result.messages().isEmpty()) {
            recorder.record(result.messages());
        }
    }
}
