package io.ternmq.kafka.server;

import io.ternmq.kafka.codec.ApiKey;
import io.ternmq.kafka.codec.RequestHeader;

/**
 * One decoded request as its {@link ApiHandler} sees it: the connection, the header (version, correlation id, client
 * id), and two ways to shape the reply beyond the response body: {@link #closeAfterResponse} (failed SASL
 * authentication) and {@link #noResponse} (Produce with {@code acks=0}).
 *
 * <p>Thread-safe: a handler may complete its future on another thread than the one it was called on.
 */
public final class RequestContext {
    private final KafkaConnection connection;
    private final RequestHeader header;
    private final ApiKey api;
    private volatile String closeReason;
    private volatile boolean noResponse;

    public RequestContext(KafkaConnection connection, RequestHeader header, ApiKey api) {
        this.connection = connection;
        this.header = header;
        this.api = api;
    }

    public KafkaConnection connection() {
        return connection;
    }

    public RequestHeader header() {
        return header;
    }

    public ApiKey api() {
        return api;
    }

    /** The request's API version. */
    public short version() {
        return header.apiVersion();
    }

    /** Closes the connection once the response has been written. */
    public void closeAfterResponse(String reason) {
        this.closeReason = reason;
    }

    /** The reason given to {@link #closeAfterResponse}, or null. */
    public String closeReason() {
        return closeReason;
    }

    /** The client expects no response to this request; the handler's result is dropped. */
    public void noResponse() {
        this.noResponse = true;
    }

    public boolean responseSuppressed() {
        return noResponse;
    }
}
