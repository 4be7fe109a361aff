package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;

import java.util.concurrent.CompletableFuture;

/**
 * Turns one request frame into its {@link Reply}: header and body decoding, authentication gating, the API's
 * handler, response encoding. {@link ConnectionDispatcher} owns ordering and back-pressure, so a processor only has
 * to answer each request once, in any order and on any thread.
 *
 * <p>Implementations are shared by all connections and must be thread-safe; {@link #process} is called on the
 * connection's event loop and must not block it.
 */
public interface RequestProcessor {
    /**
     * Processes one frame.
     *
     * @param connection the connection the frame arrived on
     * @param frame      the frame payload without its size prefix; the processor owns it and releases it
     * @return the reply; a failed future becomes a close of the connection
     */
    CompletableFuture<Reply> process(KafkaConnection connection, ByteBuf frame);
}
