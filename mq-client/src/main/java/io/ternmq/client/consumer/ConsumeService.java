package io.ternmq.client.consumer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the listener on a fixed pool of consume threads, {@code consumeBatchSize} messages per call. A successful
 * call acknowledges its messages in the process queue and records the new commit offset; a failure goes to the
 * {@link ConsumeFailurePolicy}. A call never starts on a dropped queue ({@link ProcessQueue#tryBeginConsume()}), so a
 * queue handed to another member is not processed here any more. While the consumer is paused, a call about to
 * start is parked in the {@link PauseGate} and queued again on resume. Thread-safe.
 */
final class ConsumeService implements ConsumeDispatcher {
    private static final System.Logger LOG = System.getLogger(ConsumeService.class.getName());

    private final ConsumerSettings settings;
    private final MessageListener listener;
    private final OffsetStore offsets;
    private final ExecutorService pool;
    private final PauseGate gate;
    private volatile ConsumeFailurePolicy failurePolicy;

    ConsumeService(ConsumerSettings settings, MessageListener listener, OffsetStore offsets, String clientId) {
        this(settings, listener, offsets, clientId, new PauseGate());
    }

    /** @param gate while closed, calls about to start are parked (their messages stay unacknowledged) */
    ConsumeService(ConsumerSettings settings, MessageListener listener, OffsetStore offsets, String clientId,
                   PauseGate gate) {
        this.settings = settings;
        this.gate = gate;
        this.listener = listener;
        this.offsets = offsets;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.consumeThreads(), settings.consumeThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "ternmq-consume-" + clientId + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void failurePolicy(ConsumeFailurePolicy policy) {
        this.failurePolicy = policy;
    }

    /** Queues messages of one process queue for the listener. */
    @Override
    public void submit(ProcessQueue pq, List<MessageExt> messages) {
        int batch = settings.consumeBatchSize();
        for (int i = 0; i < messages.size(); i += batch) {
            List<MessageExt> part = List.copyOf(messages.subList(i, Math.min(messages.size(), i + batch)));
            if (!execute(pq, part)) {
                return;
            }
        }
    }

    private boolean execute(ProcessQueue pq, List<MessageExt> messages) {
        try {
            pool.execute(() -> consume(pq, messages));
            return true;
        } catch (RejectedExecutionException e) {
            return false; // shutting down: unacknowledged messages hold the committed offset back
        }
    }

    private void consume(ProcessQueue pq, List<MessageExt> messages) {
        if (gate.holdIfPaused(() -> execute(pq, messages)) || !pq.tryBeginConsume()) {
            return;
        }
        try {
            ConsumeContext context = new ConsumeContext(pq.messageQueue(), settings.group());
            ConsumeStatus status;
            try {
                status = listener.consume(messages, context);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "listener threw on " + messages.size() + " message(s) of "
                        + pq.messageQueue() + ", will re-deliver", t);
                status = ConsumeStatus.RECONSUME_LATER;
            }
            if (status == ConsumeStatus.CONSUME_SUCCESS) {
                acknowledge(pq, messages);
            } else {
                failurePolicy.onFailure(pq, messages, context, this);
            }
        } finally {
            pq.endConsume();
        }
    }

    /** Marks messages as done (consumed, or taken over by the broker's retry) and records the new commit offset. */
    void acknowledge(ProcessQueue pq, List<MessageExt> messages) {
        offsets.update(pq.messageQueue(), pq.ack(messages), false);
    }

    /** Stops taking work and waits for running calls; queued calls of dropped queues end without calling the listener. */
    @Override
    public void shutdown(long timeoutMs) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }
}
