package io.ternmq.spring.listener;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link ListenerExceptionClassifier}: a failure is not retryable when it, or any exception in its cause
 * chain, is a {@link MessageConversionException} (the body does not fit the payload type), a
 * {@link MethodArgumentResolutionException} (a required header is missing or does not convert), an
 * {@link IdempotencyKeyException}, or one of the types configured in {@code mq.listener.not-retryable-exceptions}
 * (subclasses included). Such a message would fail the same way on every redelivery. Everything else is retried.
 * Immutable and thread-safe.
 */
public class DefaultListenerExceptionClassifier implements ListenerExceptionClassifier {
    private final List<Class<? extends Throwable>> notRetryable;

    /** @param extraNotRetryable more exception types not to retry, added to the defaults */
    public DefaultListenerExceptionClassifier(Collection<Class<? extends Throwable>> extraNotRetryable) {
        List<Class<? extends Throwable>> types = new ArrayList<>(List.of(MessageConversionException.class,
                MethodArgumentResolutionException.class, IdempotencyKeyException.class));
        types.addAll(extraNotRetryable);
        this.notRetryable = List.copyOf(types);
    }

    /** Only the default types are not retried. */
    public DefaultListenerExceptionClassifier() {
        this(List.of());
    }

    @Override
    public boolean isRetryable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            for (Class<? extends Throwable> type : notRetryable) {
                if (type.isInstance(t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The exception types that are not retried, defaults first. */
    public List<Class<? extends Throwable>> notRetryableTypes() {
        return notRetryable;
    }
}
