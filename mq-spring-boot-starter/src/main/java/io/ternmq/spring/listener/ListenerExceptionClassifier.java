package io.ternmq.spring.listener;

/**
 * Decides whether a failed listener call is worth retrying. Declare a bean of this type to replace
 * {@link DefaultListenerExceptionClassifier}. Implementations are thread-safe.
 *
 * <p>What happens next depends on the answer and the listener: a retryable failure is redelivered (concurrent
 * clustering listeners through the broker's retry topic with a back-off, orderly listeners in place), up to the
 * endpoint's {@code maxRetries}; a non-retryable one goes straight to the group's dead-letter queue
 * ({@code %DLQ%group}), or is logged and dropped in broadcasting mode, which has no dead-letter queue.
 */
@FunctionalInterface
public interface ListenerExceptionClassifier {
    /** @param failure what the listener call threw (possibly wrapped; look at the cause chain) */
    boolean isRetryable(Throwable failure);
}
