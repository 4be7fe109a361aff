package io.ternmq.broker.remoting;

/**
 * Where a request came from.
 *
 * @param channel the client's connection
 * @param header  the request's header fields
 */
public record RequestContext(RemotingChannel channel, RequestHeader header) {
}
