package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.protocol.message.MessageModel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Decides what happens to a message whose listener call failed, from the {@link ListenerExceptionClassifier}'s
 * verdict, the endpoint's retry limit and its message model, and logs the decision:
 * <ul>
 *   <li>not retryable: {@link Action#DEAD_LETTER} (clustering) or {@link Action#DISCARD} (broadcasting, which has
 *       no dead-letter queue and would otherwise redeliver it locally for ever);</li>
 *   <li>retryable, with {@code maxRetries} used up ({@code reconsumeTimes >= maxRetries}, when not -1): the same;</li>
 *   <li>otherwise {@link Action#RETRY}.</li>
 * </ul>
 * The container carries the action out for its consume mode. Thread-safe.
 */
final class ListenerErrorHandler {
    private static final Log LOG = LogFactory.getLog(ListenerErrorHandler.class);

    /** What to do with a failed message. */
    enum Action {
        /** Deliver it again later. */
        RETRY,
        /** Move it to {@code %DLQ%group}, no more attempts. */
        DEAD_LETTER,
        /** Log it and acknowledge it (broadcasting only). */
        DISCARD
    }

    private final MQListenerEndpoint endpoint;
    private final int maxRetries;
    private final ListenerExceptionClassifier classifier;

    /** @param maxRetries the effective limit; -1 = none here (the broker's group setting, or for ever when orderly) */
    ListenerErrorHandler(MQListenerEndpoint endpoint, int maxRetries, ListenerExceptionClassifier classifier) {
        this.endpoint = endpoint;
        this.maxRetries = maxRetries;
        this.classifier = classifier;
    }

    Action onFailure(Throwable error, MessageExt message) {
        boolean clustering = endpoint.messageModel() == MessageModel.CLUSTERING;
        Action giveUp = clustering ? Action.DEAD_LETTER : Action.DISCARD;
        String where = giveUp == Action.DEAD_LETTER ? "to %DLQ%" + endpoint.group() : "dropped (broadcasting has no DLQ)";
        if (!classifier.isRetryable(error)) {
            LOG.error(endpoint.source() + " failed on " + message + " with a non-retryable error; " + where, error);
            return giveUp;
        }
        if (maxRetries >= 0 && message.reconsumeTimes() >= maxRetries) {
            LOG.error(endpoint.source() + " failed on " + message + " after " + message.reconsumeTimes()
                    + " retries (maxRetries " + maxRetries + "); " + where, error);
            return giveUp;
        }
        LOG.warn(endpoint.source() + " failed on " + message + " (attempt " + (message.reconsumeTimes() + 1)
                + "); it will be redelivered", error);
        return Action.RETRY;
    }
}
