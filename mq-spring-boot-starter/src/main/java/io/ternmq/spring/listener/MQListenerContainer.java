package io.ternmq.spring.listener;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.spring.annotation.ConsumeMode;
import io.ternmq.spring.metrics.MQMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs one {@code @MQListener} endpoint on a {@link PushConsumer}.
 *
 * <p>Lifecycle: {@link #start()} builds a new consumer (a consumer cannot be restarted), registers the concurrent or
 * orderly delivery and starts it; a consumer the broker refuses (e.g. a malformed SQL92 selector) makes start throw.
 * {@link #stop()} is graceful: no new pulls, running listener calls finish (up to {@code mq.listener.shutdown-timeout}),
 * offsets are committed and the member leaves its group, so the others take its queues over at once.
 * {@link #pause()} keeps the consumer in its group with its queues and locks but hands nothing more to the method
 * until {@link #resume()}; a container paused while stopped starts paused.
 *
 * <p>Thread-safe: lifecycle methods are synchronized; the consumer runs the method on its own threads.
 */
public class MQListenerContainer {
    private static final Log LOG = LogFactory.getLog(MQListenerContainer.class);

    private final MQListenerEndpoint endpoint;
    private final Supplier<PushConsumer.Builder> consumers;
    private final MessagingListenerAdapter adapter;
    private final ListenerErrorHandler errors;
    private final MQMetrics metrics;
    private final boolean autoStartup;
    private volatile boolean shouldRun;
    private volatile PushConsumer consumer;
    private volatile boolean paused;

    /**
     * @param consumers builds a configured consumer (connection, group, subscription, threads, timings) per start
     */
    MQListenerContainer(MQListenerEndpoint endpoint, Supplier<PushConsumer.Builder> consumers,
                        MessagingListenerAdapter adapter, ListenerErrorHandler errors,
                        MQMetrics metrics, boolean autoStartup) {
        this.endpoint = endpoint;
        this.consumers = consumers;
        this.adapter = adapter;
        this.errors = errors;
        this.metrics = metrics;
        this.autoStartup = autoStartup;
    }

    /** The endpoint id. */
    public String getId() {
        return endpoint.id();
    }

    /** The resolved settings this container runs. */
    public MQListenerEndpoint getEndpoint() {
        return endpoint;
    }

    /** Whether the registry starts this container with the application context. */
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Whether the container was started and not stopped on purpose since (it may have failed to start, though). */
    public boolean shouldRun() {
        return shouldRun;
    }

    /** Starts consuming; does nothing when running. @throws RuntimeException when the broker refuses the consumer */
    public synchronized void start() {
        shouldRun = true;
        if (consumer != null) {
            return;
        }
        PushConsumer c = consumers.get().build();
        if (endpoint.consumeMode() == ConsumeMode.ORDERLY) {
            c.registerOrderlyListener(new OrderlyDelivery(endpoint, adapter, errors, metrics, this::deadLetter));
        } else {
            c.registerListener(new ConcurrentDelivery(endpoint, adapter, errors, metrics));
        }
        if (paused) {
            c.pause();
        }
        consumer = c; // before start: an orderly dead-letter call may come from the first delivery
        try {
            c.start();
        } catch (RuntimeException e) {
            consumer = null;
            c.shutdown();
            throw new IllegalStateException("@MQListener " + endpoint.id() + " on " + endpoint.source()
                    + " could not start (topic " + endpoint.topic() + ", group " + endpoint.group() + "): "
                    + e.getMessage(), e);
        }
        LOG.info("started " + endpoint);
    }

    /** Graceful stop (see the class comment); does nothing when stopped. Returns once the consumer is shut down. */
    public synchronized void stop() {
        shouldRun = false;
        PushConsumer c = consumer;
        if (c == null) {
            return;
        }
        c.shutdown();
        consumer = null;
        LOG.info("stopped @MQListener " + endpoint.id());
    }

    /** Stops handing messages to the method; running calls finish. Kept across stop/start until {@link #resume()}. */
    public synchronized void pause() {
        paused = true;
        PushConsumer c = consumer;
        if (c != null) {
            c.pause();
        }
    }

    /** Hands messages to the method again. */
    public synchronized void resume() {
        paused = false;
        PushConsumer c = consumer;
        if (c != null) {
            c.resume();
        }
    }

    /** Whether the container is started (paused or not). */
    public boolean isRunning() {
        return consumer != null;
    }

    /** Whether pause was asked for (and not resumed); the container may be running or stopped. */
    public boolean isPauseRequested() {
        return paused;
    }

    /** Whether it is running and paused. */
    public boolean isPaused() {
        PushConsumer c = consumer;
        return c != null && c.isPaused();
    }

    /** The queues the consumer owns now; empty when stopped. */
    public Set<MessageQueue> assignedQueues() {
        PushConsumer c = consumer;
        return c == null ? Set.of() : c.assignedQueues();
    }

    private CompletableFuture<Void> deadLetter(MessageExt message) {
        PushConsumer c = consumer;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("container " + endpoint.id()
                    + " is stopped"));
        }
        return c.sendToDeadLetterQueue(message);
    }

    @Override
    public String toString() {
        return "MQListenerContainer{" + endpoint.id() + (isRunning() ? ", running" : ", stopped")
                + (paused ? ", paused" : "") + '}';
    }
}
