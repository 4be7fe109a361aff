package io.ternmq.client.remoting;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.MQClientException;
import io.ternmq.client.RemotingException;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that turns failures into client exceptions: error frames from the broker become
 * {@link MQBrokerException}s, and anything else that escapes a future is unwrapped or wrapped into the
 * {@link MQClientException} hierarchy.
 */
public final class ResponseErrors {
    private ResponseErrors() {
    }

    /** The exception for a response frame whose status is not {@link ErrorCode#SUCCESS}. */
    public static MQBrokerException fromResponse(Frame response) {
        return new MQBrokerException(ErrorCode.forCode(response.status()), Frames.errorMessage(response));
    }

    /** The client exception behind a future's failure, unwrapping {@link CompletionException} and friends. */
    public static MQClientException unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof MQClientException e) {
            return e;
        }
        if (cause instanceof IllegalArgumentException) {
            return new MQClientException(ErrorCode.INVALID_ARGUMENT, cause.getMessage(), cause);
        }
        return new RemotingException(RemotingException.Kind.PROTOCOL, String.valueOf(cause), cause);
    }
}
