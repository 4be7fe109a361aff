package io.ternmq.bench.load;

import io.ternmq.client.consumer.MessageExt;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Counts received messages into the receive meter, the same way for the pull and the push consumer path.
 * Thread-safe: called from any number of consumer threads.
 *
 * <p>In e2e mode the latency is the age of the body's send stamp ({@link Payload}); messages stamped before the
 * measured window (sent during warm-up, or left over from an earlier run) are not counted. In consume mode a
 * stamp's age is not a latency (the message may be hours old), so only counts and bytes are recorded.
 */
final class ReceiveRecorder {
    private final ThroughputMeter meter;
    private final boolean e2e;
    private final BooleanSupplier measuring;
    private final LongSupplier measureFromNanos;
    private final Arrivals arrivals;
    private volatile long lastMessageNanos = System.nanoTime();

    /**
     * @param measuring        false during warm-up: messages received then are not counted
     * @param measureFromNanos {@code nanoTime} at which the measured window started
     * @param arrivals         told of every message received ({@code --one-in-flight}), or null
     */
    ReceiveRecorder(ThroughputMeter meter, Mode mode, BooleanSupplier measuring, LongSupplier measureFromNanos,
                    Arrivals arrivals) {
        this.meter = meter;
        this.arrivals = arrivals;
        this.e2e = mode == Mode.E2E;
        this.measuring = measuring;
        this.measureFromNanos = measureFromNanos;
    }

    void record(List<MessageExt> messages) {
        long now = System.nanoTime();
        lastMessageNanos = now;
        try {
            recordAt(now, messages);
        } finally {
            if (arrivals != null) {
                arrivals.arrived(messages.size());
            }
        }
    }

    private void recordAt(long now, List<MessageExt> messages) {
        if (!measuring.getAsBoolean()) {
            return;
        }
        if (!e2e) {
            // every body is taken as a byte[], as an application would (Kafka's ConsumerPerformance gets each value
            // as a byte[] too); the meter is updated once per batch
            long bytes = 0;
            for (int i = 0, n = messages.size(); i < n; i++) {
                bytes += messages.get(i).body().length;
            }
            meter.recordTotals(messages.size(), bytes);
            return;
        }
        long measureFrom = measureFromNanos.getAsLong();
        for (MessageExt m : messages) {
            long sentAt = Payload.sendNanosOf(m.body());
            if (sentAt < 0) {
                meter.recordWithoutLatency(1, m.bodyLength());
            } else if (sentAt >= measureFrom) {
                meter.recordSuccess(1, m.bodyLength(), now - sentAt);
            }
        }
    }

    void recordError() {
        meter.recordError();
    }

    /** When the last message arrived (for "stop when idle"). */
    long lastMessageNanos() {
        return lastMessageNanos;
    }
}
