package io.ternmq.broker.handler.query;

import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageView;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds on query results, so an answer always fits in one frame: at most {@code maxResults} messages and about
 * {@code maxBytes} of bodies (at least one message).
 *
 * @param maxResultsCap the most messages any query returns
 * @param maxBytes      body bytes after which the result is cut
 */
public record QueryLimits(int maxResultsCap, int maxBytes) {

    /** The client's limit, clamped to 1..cap. */
    public int maxResults(int requested) {
        return requested <= 0 ? maxResultsCap : Math.min(requested, maxResultsCap);
    }

    /** The messages as views, cut once {@code maxBytes} is reached. */
    public List<MessageView> fit(List<StoredMessage> messages) {
        List<MessageView> views = new ArrayList<>();
        long bytes = 0;
        for (StoredMessage m : messages) {
            bytes += m.body().length;
            if (!views.isEmpty() && bytes > maxBytes) {
                break;
            }
            views.add(MessageViews.of(m));
        }
        return views;
    }
}
