package io.ternmq.broker.longpolling;

import io.ternmq.broker.store.MessageArrivalListener;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans the store's one arrival callback ({@link io.ternmq.broker.store.MessageStore#setArrivalListener}) out to every
 * front-end that waits for messages: the native long polling ({@link PullRequestHoldService}) and plug-ins such as
 * the Kafka adapter's Fetch. Listeners are added while front-ends start and removed when they close.
 *
 * <p>Thread-safe. {@link #arrived} runs on the store's dispatcher thread, so each listener must return quickly and
 * never block; one that throws is logged and the others are still told.
 */
public final class MessageArrivals implements MessageArrivalListener {
    private static final System.Logger LOG = System.getLogger(MessageArrivals.class.getName());

    private final CopyOnWriteArrayList<MessageArrivalListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Starts telling {@code listener} about arrivals.
     *
     * @return undoes the subscription
     */
    public Runnable subscribe(MessageArrivalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void arrived(String topic, int queueId, long maxOffset, long tagHash) {
        for (MessageArrivalListener listener : listeners) {
            try {
                listener.arrived(topic, queueId, maxOffset, tagHash);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "message arrival listener " + listener + " failed", e);
            }
        }
    }
}
