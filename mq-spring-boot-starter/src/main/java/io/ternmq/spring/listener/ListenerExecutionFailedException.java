package io.ternmq.spring.listener;

/**
 * Carries a checked exception thrown by a listener method (unchecked ones propagate as they are). The
 * {@link ListenerExceptionClassifier} looks at the whole cause chain, so a wrapped exception is classified by its
 * own type.
 */
public class ListenerExecutionFailedException extends RuntimeException {
    public ListenerExecutionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
