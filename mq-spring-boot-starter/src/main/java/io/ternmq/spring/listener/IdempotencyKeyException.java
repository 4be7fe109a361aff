package io.ternmq.spring.listener;

/**
 * The idempotency key of a message could not be computed: the expression failed on it or gave null or an empty
 * string. The same message would fail the same way again, so the default classifier does not retry it.
 */
public class IdempotencyKeyException extends RuntimeException {
    public IdempotencyKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
