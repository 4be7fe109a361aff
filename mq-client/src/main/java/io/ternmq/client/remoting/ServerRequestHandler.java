package io.ternmq.client.remoting;

import io.ternmq.protocol.command.Body;

/**
 * Answers one kind of broker-initiated request (NOTIFY_CONSUMER_IDS_CHANGED, CHECK_TX). Called on the client's
 * callback executor, never on an I/O thread, so it may block briefly; for one-way requests the result is dropped.
 */
@FunctionalInterface
public interface ServerRequestHandler<Q extends Body, R extends Body> {
    R handle(Q request) throws Exception;
}
