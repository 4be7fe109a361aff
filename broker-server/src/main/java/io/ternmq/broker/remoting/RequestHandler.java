package io.ternmq.broker.remoting;

import io.ternmq.protocol.command.Body;

import java.util.concurrent.CompletableFuture;

/**
 * Handles one command. Runs on a worker thread, never on a network event loop; a handler that waits for something
 * (a flush, a message to arrive) returns an incomplete future instead of blocking.
 *
 * @param <Q> the request body type
 */
@FunctionalInterface
public interface RequestHandler<Q extends Body> {
    /**
     * @return the reply; for one-way requests it is computed but not sent
     */
    CompletableFuture<Reply> handle(RequestContext context, Q request);
}
