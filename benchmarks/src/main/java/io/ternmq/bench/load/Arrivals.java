package io.ternmq.bench.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-off of {@code --one-in-flight}: consumers report each message that arrives, and the producer waits for
 * the previous message before sending the next, so exactly one message is in flight end to end (the shape of
 * Kafka's EndToEndLatency and RocketBench e2e). Thread-safe.
 */
final class Arrivals {
    private final Semaphore arrived = new Semaphore(0);
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong maxOutstanding = new AtomicLong();

    /** Called just before a message is sent. */
    void sending() {
        maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
    }

    void arrived(int messages) {
        outstanding.addAndGet(-messages);
        arrived.release(messages);
    }

    /** The most messages that were ever sent and not yet received at once (1 when the hand-off works). */
    long maxInFlight() {
        return maxOutstanding.get();
    }

    /** @return false when no message arrived within the timeout (it is then counted as an error) */
    boolean awaitOne(long timeoutMs) throws InterruptedException {
        return arrived.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
