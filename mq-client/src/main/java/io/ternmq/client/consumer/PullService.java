package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.protocol.message.MessageModel;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pull loop: for every owned queue, one long-polling pull at a time. A response hands messages to the consume
 * service and immediately issues the next pull; flow control postpones a pull by 50 ms while the queue caches
 * {@code pullThresholdForQueue} messages or {@code pullThresholdSizeForQueue} MiB, and asks for no more than fit
 * under the count threshold. Clustering pulls also commit the queue's current offset (piggyback). The loop of a
 * queue ends when the queue is dropped. While the consumer is paused each loop parks its next step in the
 * {@link PauseGate} (a pull already in flight still completes; its messages wait in the consume service's gate). Thread-safe: each queue's loop is a chain of callbacks, one step at a time.
 */
final class PullService {
    private static final System.Logger LOG = System.getLogger(PullService.class.getName());
    static final long FLOW_CONTROL_DELAY_MS = 50;
    static final long ERROR_DELAY_MS = 1000;
    private static final long EMPTY_RETURN_DELAY_MS = 100;

    private final ConsumerSettings settings;
    private final BrokerPuller puller;
    private final ConsumeDispatcher consumeService;
    private final OffsetStore offsets;
    private final StartOffsetResolver startOffsets;
    private final ScheduledExecutorService scheduler;
    private final PauseGate gate;

    PullService(ConsumerSettings settings, BrokerPuller puller, ConsumeDispatcher consumeService, OffsetStore offsets,
                StartOffsetResolver startOffsets, ScheduledExecutorService scheduler, PauseGate gate) {
        this.settings = settings;
        this.puller = puller;
        this.consumeService = consumeService;
        this.offsets = offsets;
        this.startOffsets = startOffsets;
        this.scheduler = scheduler;
        this.gate = gate;
    }

    /** Starts the loop of a newly owned queue after {@code delayMs}. */
    void start(ProcessQueue pq, long delayMs) {
        later(pq, delayMs);
    }

    private void later(ProcessQueue pq, long delayMs) {
        if (pq.isDropped()) {
            return;
        }
        try {
            scheduler.schedule(() -> step(pq), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void step(ProcessQueue pq) {
        if (pq.isDropped() || gate.holdIfPaused(() -> later(pq, 0))) {
            return;
        }
        MessageQueue mq = pq.messageQueue();
        if (pq.nextPullOffset() < 0) {
            startOffsets.resolve(mq).whenComplete((offset, e) -> {
                if (e != null) {
                    LOG.log(System.Logger.Level.DEBUG, "no start offset for " + mq + " yet: " + e.getMessage());
                    later(pq, ERROR_DELAY_MS);
                } else if (!pq.isDropped()) {
                    LOG.log(System.Logger.Level.INFO, "starting " + mq + " at offset " + offset);
                    pq.start(offset);
                    offsets.update(mq, offset, true);
                    later(pq, 0);
                }
            });
            return;
        }
        int cached = pq.cachedCount();
        if (cached >= settings.pullThresholdForQueue() || pq.cachedBytes() >= settings.pullThresholdBytes()) {
            pq.flowControlled();
            later(pq, FLOW_CONTROL_DELAY_MS);
            return;
        }
        int max = Math.min(settings.pullBatchSize(), settings.pullThresholdForQueue() - cached);
        long commit = settings.model() == MessageModel.CLUSTERING ? offsets.current(mq) : -1;
        long startedAt = System.nanoTime();
        SubscriptionFilter filter = settings.subscriptions().get(mq.topic());
        puller.pull(mq, filter, pq.nextPullOffset(), max, settings.pullMaxWait(), commit).whenComplete((r, e) -> {
            if (e != null) {
                LOG.log(System.Logger.Level.DEBUG, "pull " + mq + " failed: " + e.getMessage());
                later(pq, ERROR_DELAY_MS);
                return;
            }
            onResult(pq, r, (System.nanoTime() - startedAt) / 1_000_000);
        });
    }

    private void onResult(ProcessQueue pq, PullResult r, long elapsedMs) {
        MessageQueue mq = pq.messageQueue();
        if (pq.isDropped()) {
            return; // given away meanwhile: the new owner starts from the committed offset
        }
        switch (r.status()) {
            case FOUND -> {
                boolean kept = pq.putMessages(r.messages(), r.nextOffset());
                later(pq, 0); // the next pull goes out before the listener hand-off: the broker reads meanwhile
                if (kept) {
                    consumeService.submit(pq, r.messages());
                }
            }
            case NO_MATCHED_MSG -> {
                if (pq.putMessages(List.of(), r.nextOffset())) {
                    offsets.update(mq, pq.commitOffset(), false);
                }
                later(pq, 0);
            }
            case NO_NEW_MSG ->
                    // a broker that answers at once instead of holding the pull must not make us spin
                    later(pq, elapsedMs < settings.pullMaxWait().toMillis() / 2 ? EMPTY_RETURN_DELAY_MS : 0);
            case OFFSET_ILLEGAL -> {
                LOG.log(System.Logger.Level.WARNING, "offset " + pq.nextPullOffset() + " of " + mq
                        + " is out of range, continuing at " + r.nextOffset());
                pq.resetPullOffset(r.nextOffset());
                offsets.update(mq, r.nextOffset(), true);
                later(pq, 0);
            }
        }
    }
}
