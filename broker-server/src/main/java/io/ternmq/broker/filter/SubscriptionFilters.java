package io.ternmq.broker.filter;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.protocol.message.Subscription;

/**
 * Turns a subscription into the store's {@link MessageFilter}. SQL92 is not implemented yet and is refused with a
 * clear reason.
 */
public final class SubscriptionFilters {
    private SubscriptionFilters() {
    }

    /**
     * The outcome of compiling a subscription.
     *
     * @param filter the filter, or null when {@code problem} is set
     * @param problem why the subscription is refused, or null
     */
    public record Compiled(MessageFilter filter, String problem) {
        public boolean ok() {
            return filter != null;
        }
    }

    public static Compiled compile(Subscription subscription) {
        if (subscription == null) {
            return new Compiled(MessageFilter.ACCEPT_ALL, null);
        }
        return switch (subscription.type()) {
            case SQL92 -> new Compiled(null, "SQL92 not supported yet");
            case TAG -> TagFilter.parse(subscription.expression())
                    .map(f -> new Compiled(f, null))
                    .orElseGet(() -> new Compiled(null, "tag expression '" + subscription.expression()
                            + "' names no tag; use * or TagA || TagB"));
        };
    }
}
