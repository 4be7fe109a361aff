package io.ternmq.client;

import io.ternmq.protocol.ErrorCode;

/**
 * Root of every exception the client throws. Unchecked, so it travels through {@code CompletableFuture}s unchanged.
 *
 * <p>The hierarchy has one branch per cause, so callers can tell "the broker said no" from "we could not talk to
 * the broker":
 * <ul>
 *   <li>{@link MQBrokerException}: the broker answered with an error status ({@link #errorCode()} says which);</li>
 *   <li>{@link RemotingException}: the request may not have reached the broker or its answer was lost (connect
 *       failure, connection closed, timeout);</li>
 *   <li>{@code MQClientException} itself: misuse detected in the client (not started, invalid argument).</li>
 * </ul>
 * {@link #retriable()} tells whether retrying the same request might succeed.
 */
public class MQClientException extends RuntimeException {
    private final ErrorCode errorCode;

    public MQClientException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public MQClientException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The protocol error code; {@link ErrorCode#SYSTEM_ERROR} for failures that never reached the broker. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Whether sending the same request again (possibly to another queue) may succeed. */
    public boolean retriable() {
        return false;
    }
}
