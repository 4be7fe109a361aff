package io.ternmq.bench.load;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One consumer thread with its own {@link PullConsumer} (own connection) reading its share of the queues.
 *
 * <p>A thread that owns a single queue long-polls it, which is what gives the lowest produce-to-consume
 * latency; a thread with several queues polls them in turn without waiting (a long poll on an idle queue would
 * delay the busy ones) and parks briefly after a pass that found nothing.
 */
final class ConsumerWorker implements Runnable {
    private static final int PULL_BATCH = 32;
    private static final Duration LONG_POLL = Duration.ofMillis(500);
    private static final Duration NO_WAIT = Duration.ofMillis(1);
    private static final long IDLE_PARK_NANOS = 1_000_000;

    private final PullConsumer consumer;
    private final List<MessageQueue> queues;
    /** consume mode: read everything stored, no latency; e2e mode: read from the end, latency from the stamp. */
    private final boolean readStored;
    private final ThroughputMeter meter;
    private final BooleanSupplier measuring;
    private final LongSupplier measureFromNanos;
    private final BooleanSupplier stopRequested;
    private volatile long lastMessageNanos = System.nanoTime();

    /**
     * @param mode             {@link Mode#CONSUME}: read everything stored; {@link Mode#E2E}: only messages stored
     *                         from now on, with produce-to-consume latency from the body's send stamp
     * @param measuring        false during warm-up: messages read then are not counted
     * @param measureFromNanos messages stamped before this {@code nanoTime} (sent during warm-up) are not counted
     */
    ConsumerWorker(PullConsumer consumer, List<MessageQueue> queues, Mode mode, ThroughputMeter meter,
                   BooleanSupplier measuring, LongSupplier measureFromNanos, BooleanSupplier stopRequested) {
        this.consumer = consumer;
        this.queues = List.copyOf(queues);
        this.readStored = mode == Mode.CONSUME;
        this.meter = meter;
        this.measuring = measuring;
        this.measureFromNanos = measureFromNanos;
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

    long lastMessageNanos() {
        return lastMessageNanos;
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
                        record(result.messages());
                    }
                } catch (RuntimeException e) {
                    meter.recordError();
                }
            }
            if (!found && queues.size() > 1) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
    }

    private void record(List<MessageExt> messages) {
        long now = System.nanoTime();
        lastMessageNanos = now;
        if (!measuring.getAsBoolean()) {
            return;
        }
        long measureFrom = measureFromNanos.getAsLong();
        for (MessageExt m : messages) {
            // only e2e mode stamps bodies in this process; in consume mode a stamp's age is not a latency
            long sentAt = readStored ? -1 : Payload.sendNanosOf(m.body());
            if (sentAt < 0) {
                meter.recordWithoutLatency(1, m.body().length);
            } else if (sentAt >= measureFrom) {
                meter.recordSuccess(1, m.body().length, now - sentAt);
            }
        }
    }

    List<MessageQueue> queues() {
        return queues;
    }
}
