package io.ternmq.client.internal;

import io.ternmq.client.MQClientException;
import io.ternmq.client.RemotingException;
import io.ternmq.client.remoting.ResponseErrors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Turns the asynchronous core into the synchronous API: waits for a future and rethrows its client exception. */
public final class Blocking {
    private Blocking() {
    }

    /**
     * Waits for the future. Every future in this client is bounded by a request timeout, so this never hangs.
     *
     * @throws MQClientException the failure of the future, unwrapped
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw ResponseErrors.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotingException(RemotingException.Kind.TIMEOUT, "interrupted while waiting", e);
        }
    }
}
