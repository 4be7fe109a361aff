package io.ternmq.broker.filter;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.protocol.message.Subscription;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a subscription (tag or SQL92 expression) into the store's {@link MessageFilter}. Compiled filters are
 * cached by expression because every pull carries its subscription; the cache is dropped when it grows past a
 * bound so hostile clients cannot fill the heap with distinct expressions.
 *
 * <p>Thread-safe.
 */
public final class SubscriptionFilters {
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private SubscriptionFilters() {
    }

    /**
     * The outcome of compiling a subscription.
     *
     * @param filter  the filter, or null when {@code problem} is set
     * @param problem why the subscription is refused (with the failing column), or null
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
        String key = subscription.type().name() + ':' + subscription.expression();
        Compiled cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Compiled compiled = compileUncached(subscription);
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        CACHE.put(key, compiled);
        return compiled;
    }

    private static Compiled compileUncached(Subscription subscription) {
        ExpressionType type = switch (subscription.type()) {
            case TAG -> ExpressionType.TAG;
            case SQL92 -> ExpressionType.SQL92;
        };
        try {
            CompiledFilter filter = FilterExpressions.compile(type, subscription.expression());
            if (filter instanceof TagFilter tags && tags.tagExpression().isAll()) {
                return new Compiled(MessageFilter.ACCEPT_ALL, null);
            }
            return new Compiled(new StoreFilter(filter), null);
        } catch (FilterSyntaxException e) {
            return new Compiled(null, e.getMessage());
        }
    }

    /** Adapts a compiled expression to the store: batches with mixed tags are checked message by message. */
    private record StoreFilter(CompiledFilter filter) implements MessageFilter {
        @Override
        public boolean matchesTagHash(long tagHash, boolean batchEntry) {
            return batchEntry || filter.matchesTagHash(tagHash);
        }

        @Override
        public boolean matches(Map<String, String> properties) {
            return filter.matches(properties);
        }

        @Override
        public String toString() {
            return filter.toString();
        }
    }
}
