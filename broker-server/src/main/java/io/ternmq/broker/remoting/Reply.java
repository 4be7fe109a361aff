package io.ternmq.broker.remoting;

import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Body;

import java.util.concurrent.CompletableFuture;

/**
 * A handler's answer: a success body, or an error code with a message.
 *
 * @param error   {@link ErrorCode#SUCCESS} or the failure
 * @param body    the response body on success, else null
 * @param message the error message on failure, else null
 */
public record Reply(ErrorCode error, Body body, String message) {

    public static Reply ok(Body body) {
        return new Reply(ErrorCode.SUCCESS, body, null);
    }

    public static Reply error(ErrorCode error, String message) {
        if (error == ErrorCode.SUCCESS) {
            throw new IllegalArgumentException("an error reply needs an error code");
        }
        return new Reply(error, null, message);
    }

    public boolean isOk() {
        return error == ErrorCode.SUCCESS;
    }

    /** This reply as an already completed future, for handlers that answer synchronously. */
    public CompletableFuture<Reply> done() {
        return CompletableFuture.completedFuture(this);
    }
}
