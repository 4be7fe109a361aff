package io.ternmq.bench.load;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One producer thread: sends messages (or batches) round-robin over the topics, either waiting for each result
 * ({@code --sync}) or keeping up to {@code --inflight} sends in flight, paced by its share of {@code --rate}; with
 * {@code --one-in-flight} it sends one message at a time and waits until a consumer received it.
 * Latency is measured from just before the send call to the result, per send (a batch counts once).
 */
final class ProducerWorker implements Runnable {
    private final LoadOptions options;
    private final Producer producer;
    private final int threadIndex;
    private final ThroughputMeter meter;
    private final BooleanSupplier measuring;
    private final BooleanSupplier stopRequested;
    private final AtomicLong messageBudget;
    private final RateLimiter limiter;
    private final Payload payload;
    private final SendWindow window;
    private final Arrivals arrivals;

    /**
     * @param messageBudget measured messages left to send across all threads ({@code Long.MAX_VALUE} for no cap)
     * @param arrivals      consumed messages to wait for after each send ({@code --one-in-flight}), or null
     */
    ProducerWorker(LoadOptions options, Producer producer, int threadIndex, ThroughputMeter meter,
                   BooleanSupplier measuring, BooleanSupplier stopRequested, AtomicLong messageBudget,
                   Arrivals arrivals) {
        this.arrivals = arrivals;
        this.options = options;
        this.producer = producer;
        this.threadIndex = threadIndex;
        this.meter = meter;
        this.measuring = measuring;
        this.stopRequested = stopRequested;
        this.messageBudget = messageBudget;
        this.limiter = new RateLimiter(options.rate / options.producers, System.nanoTime());
        this.payload = new Payload(options.size);
        this.window = new SendWindow(options.inflight);
    }

    @Override
    public void run() {
        long sequence = threadIndex; // start on a different topic per thread
        while (!stopRequested.getAsBoolean()) {
            // decided once per send, so a send is counted exactly when it used up --messages budget;
            // warm-up sends use none: the cap is on measured messages
            boolean counted = measuring.getAsBoolean();
            int count = counted ? (int) takeBudget(options.batch) : options.batch;
            if (count == 0) {
                break;
            }
            limiter.acquire(count);
            String topic = options.topic((int) (sequence++ % options.topics));
            if (arrivals != null) {
                if (!sendAndAwaitArrival(topic, counted)) {
                    break;
                }
            } else if (options.sync) {
                sendSync(topic, count, counted);
            } else if (!sendAsync(topic, count, counted)) {
                break;
            }
        }
        awaitInFlight();
    }

    private long takeBudget(int wanted) {
        while (true) {
            long left = messageBudget.get();
            if (left <= 0) {
                return 0;
            }
            long take = Math.min(left, wanted);
            if (messageBudget.compareAndSet(left, left - take)) {
                return take;
            }
        }
    }

    /** @return whether the send succeeded */
    private boolean sendSync(String topic, int count, boolean counted) {
        long start = System.nanoTime();
        try {
            if (count == 1) {
                producer.send(message(topic, start));
            } else {
                producer.send(batch(topic, count, start));
            }
            if (counted) {
                meter.recordSuccess(count, options.size, System.nanoTime() - start);
            }
            return true;
        } catch (RuntimeException e) {
            if (counted) {
                meter.recordError();
            }
            return false;
        }
    }

    /**
     * One message, then the wait for a consumer to receive it; a message not received within the request timeout
     * counts as an error (the next one is sent regardless).
     *
     * @return false when interrupted
     */
    private boolean sendAndAwaitArrival(String topic, boolean counted) {
        arrivals.sending();
        if (!sendSync(topic, 1, counted)) {
            return true; // nothing to wait for
        }
        try {
            if (!arrivals.awaitOne(TimeUnit.SECONDS.toMillis(options.timeoutSeconds)) && counted) {
                meter.recordError();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return false when interrupted while waiting for a window slot */
    private boolean sendAsync(String topic, int count, boolean counted) {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        long start = System.nanoTime();
        CompletableFuture<SendResult> future;
        try {
            future = count == 1
                    ? producer.sendAsync(message(topic, start))
                    : producer.sendBatchAsync(batch(topic, count, start));
        } catch (RuntimeException e) {
            window.release();
            if (counted) {
                meter.recordError();
            }
            return true;
        }
        future.whenComplete((result, error) -> {
            window.release();
            if (!counted) {
                return;
            }
            if (error == null) {
                meter.recordSuccess(count, options.size, System.nanoTime() - start);
            } else {
                meter.recordError();
            }
        });
        return true;
    }

    /** Lets the last async sends finish (bounded by the request timeout), so the totals include them. */
    private void awaitInFlight() {
        try {
            window.awaitAllFree(options.timeoutSeconds + 1L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Message message(String topic, long sendNanos) {
        return Message.of(topic, payload.stamped(sendNanos));
    }

    private List<Message> batch(String topic, int count, long sendNanos) {
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(topic, sendNanos));
        }
        return messages;
    }
}
