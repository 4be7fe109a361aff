package io.ternmq.bench.load;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One consumer thread with its own {@link PullConsumer} (own connection) reading its share of the queues.
 *
 * <p>A thread that owns a single queue long-polls it, which is what gives the lowest produce-to-consume
 * latency; a thread with several queues polls them in turn without waiting (a long poll on an idle queue would
 * delay the busy ones) and parks briefly after a pass that found nothing.
 */
final class ConsumerWorker implements Runnable {
    /** Messages per pull: as many as the push consumer's default pullBatchSize, so the tool reads as applications do. */
    private static final int PULL_BATCH = 256;
    private static final Duration LONG_POLL = Duration.ofMillis(500);
    private static final Duration NO_WAIT = Duration.ofMillis(1);
    private static final long IDLE_PARK_NANOS = 1_000_000;

    private final PullConsumer consumer;
    private final List<MessageQueue> queues;
    /** consume mode reads everything stored; e2e mode only what is stored from now on. */
    private final boolean readStored;
    private final ReceiveRecorder recorder;
    private final BooleanSupplier stopRequested;

    ConsumerWorker(PullConsumer consumer, List<MessageQueue> queues, Mode mode, ReceiveRecorder recorder,
                   BooleanSupplier stopRequested) {
        this.consumer = consumer;
        this.queues = List.copyOf(queues);
        this.readStored = mode == Mode.CONSUME;
        this.recorder = recorder;
        this.stopRequested = stopRequested;
    }

    /** Positions every queue; call before producers start, so e2e mode misses nothing. */
    void positionQueues() {
        long now = System.currentTimeMillis();
        for (MessageQueue q : queues) {
            // the first offset stored at or after a time; "now" gives the end of the queue
            consumer.seek(q, readStored ? 0 : consumer.searchOffset(q, now));
        }
        consumer.assign(queues);
    }

    @Override
    public void run() {
        Duration wait = queues.size() == 1 ? LONG_POLL : NO_WAIT;
        while (!stopRequested.getAsBoolean()) {
            boolean found = false;
            for (MessageQueue q : queues) {
                if (stopRequested.getAsBoolean()) {
                    return;
                }
                try {
                    PullResult result = consumer.pull(q, PULL_BATCH, wait);
                    if (result.status() == PullStatus.FOUND && !result.messages().isEmpty()) {
                        found = true;
                        recorder.record(result.messages());
                    }
                } catch (RuntimeException e) {
                    recorder.recordError();
                }
            }
            if (!found && queues.size() > 1) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
    }
}
