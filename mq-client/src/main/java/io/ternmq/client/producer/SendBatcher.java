package io.ternmq.client.producer;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.protocol.message.OutgoingMessage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Client-side batching of single-message sends, like Kafka's {@code linger.ms}/{@code batch.size}: the queue is
 * chosen when the application sends, and the message joins that queue's {@link QueueSendBuffer}, which sends it
 * alone or together with others as one SEND (rules there); batches of different queues ready at the same time
 * travel together in one SEND_MULTI ({@link MultiQueueSender}). The broker stores such a batch as one entry: one append
 * and one index entry instead of one per message, which is where the throughput comes from.
 *
 * <p>Ordered sends (selector, hash key) get buffers of their own that never retry elsewhere, so they stay FIFO.
 * Messages the broker refuses in a batch (delayed and transactional half messages) are not given to the batcher.
 *
 * <p>Thread-safe.
 */
final class SendBatcher implements AutoCloseable {
    /** Delayed and transactional (half) messages: the broker refuses them inside a batch. */
    private static final String[] UNBATCHABLE_PROPERTIES = {MessageProperties.DELAY,
        MessageProperties.TIMER_DELIVER_MS, MessageProperties.TRANSACTION_PREPARED};

    /**
     * @param maxMessages most messages in one SEND
     * @param maxBytes    most body bytes in one SEND (a larger single message goes alone)
     * @param lingerNanos how long a message waits for company when nothing of its queue is in flight
     * @param maxInFlight SENDs per queue in flight at once for plain sends (ordered sends: always 1)
     */
    record Settings(int maxMessages, int maxBytes, long lingerNanos, int maxInFlight) {
        Settings {
            if (maxMessages < 1 || maxBytes < 1 || lingerNanos < 0 || maxInFlight < 1) {
                throw new IllegalArgumentException(
                        "batchMaxMessages, batchMaxBytes and maxInFlightPerQueue must be >= 1, linger >= 0");
            }
        }

        static Settings of(int maxMessages, int maxBytes, Duration linger, int maxInFlight) {
            return new Settings(maxMessages, maxBytes, linger.toNanos(), maxInFlight);
        }
    }

    private record Key(MessageQueue queue, boolean ordered) {
    }

    private final MessageSender sender;
    private final MultiQueueSender multi;
    private final RouteGate routeGate;
    private final Settings settings;
    private final QueueChoice retryChoice;
    private final ScheduledExecutorService lingerTimer;
    private final Map<Key, QueueSendBuffer> buffers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param retryChoice where a failed unordered batch is retried (the producer's round-robin) */
    SendBatcher(MessageSender sender, MultiQueueSender multi, TopicRouteCache routes, Settings settings,
                QueueChoice retryChoice) {
        this.sender = sender;
        this.multi = multi;
        this.routeGate = new RouteGate(routes);
        this.settings = settings;
        this.retryChoice = retryChoice;
        if (settings.lingerNanos() > 0) {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "ternmq-send-linger");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            this.lingerTimer = timer;
        } else {
            this.lingerTimer = null;
        }
    }

    static boolean batchable(OutgoingMessage message) {
        for (String p : UNBATCHABLE_PROPERTIES) {
            if (message.properties().containsKey(p)) {
                return false;
            }
        }
        return true;
    }

    /** Chooses the queue now and buffers the message for it; completes with this message's own result. */
    CompletableFuture<SendResult> send(String topic, OutgoingMessage message, String uniqKey, QueueChoice choice) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        PendingSend pending = new PendingSend(message, uniqKey, System.nanoTime(), result);
        routeGate.whenRouted(topic, (route, error) -> {
            MessageQueue queue = null;
            if (error == null) {
                try {
                    queue = MessageSender.choose(route, choice, null);
                } catch (RuntimeException e) {
                    queue = null;
                }
            }
            if (queue == null) {
                // No route or no queue yet: the unbatched path retries and reports exactly as before.
                sender.send(topic, List.of(message), uniqKey, choice).whenComplete((r, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(r);
                    }
                });
                return;
            }
            boolean ordered = !choice.retryElsewhere();
            MessageQueue q = queue;
            QueueSendBuffer buffer = buffers.computeIfAbsent(new Key(queue, ordered), k -> new QueueSendBuffer(topic,
                    new QueueChoice.Pinned(q, ordered ? null : retryChoice), sender, multi, settings, lingerTimer,
                    ordered ? 1 : settings.maxInFlight()));
            if (closed) {
                buffer.close(); // created after close() went over the buffers
            }
            buffer.add(pending);
        });
        return result;
    }

    /** Fails every message not yet sent. */
    @Override
    public void close() {
        closed = true;
        buffers.values().forEach(QueueSendBuffer::close);
        if (lingerTimer != null) {
            lingerTimer.shutdownNow();
        }
    }
}
