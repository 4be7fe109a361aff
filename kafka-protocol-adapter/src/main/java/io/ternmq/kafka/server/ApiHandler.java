package io.ternmq.kafka.server;

import io.ternmq.kafka.codec.Struct;

import java.util.concurrent.CompletableFuture;

/**
 * Serves one Kafka API: from the decoded request body to the response body, both {@link Struct}s of the API's schemas
 * in {@code io.ternmq.kafka.codec.api}. Registered in {@link ApiHandlers}, called on a worker thread (it may block
 * briefly, e.g. to persist topic metadata; long waits such as Fetch long-polls complete the future later instead).
 *
 * <p>Expected failures (unknown topic, bad arguments) are error codes in the response. A thrown exception or a failed
 * future means a bug or an unexpected state: it is logged and the connection is closed.
 *
 * <p>Implementations are shared by all connections and must be thread-safe.
 */
@FunctionalInterface
public interface ApiHandler {
    /**
     * @param context the connection and header of the request
     * @param request the request body; valid only until the returned future completes (RECORDS buffers are
     *                released then)
     * @return the response body, written with the request's version and correlation id
     */
    CompletableFuture<Struct> handle(RequestContext context, Struct request);
}
