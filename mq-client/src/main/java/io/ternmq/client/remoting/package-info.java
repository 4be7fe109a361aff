/**
 * The connection layer: {@link io.ternmq.client.remoting.RemotingClient} (request/response matching, timeouts,
 * broker-initiated requests, reconnect) and {@link io.ternmq.client.remoting.ResponseErrors}, the one place where
 * error frames become exceptions.
 */
package io.ternmq.client.remoting;
