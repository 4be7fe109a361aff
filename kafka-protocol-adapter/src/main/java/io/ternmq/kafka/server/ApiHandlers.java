package io.ternmq.kafka.server;

import io.ternmq.kafka.codec.ApiKey;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The handler table: one {@link ApiHandler} per {@link ApiKey}. An API without a handler is not advertised in
 * ApiVersions (clients fall back only when a key is absent) and a request for it closes the connection, as Kafka does
 * for keys it does not know.
 *
 * <p>Filled once while the adapter starts ({@link #register}), then read-only; reads are thread-safe after that.
 */
public final class ApiHandlers {
    private final Map<ApiKey, ApiHandler> handlers = new EnumMap<>(ApiKey.class);

    /**
     * Registers the handler of an API.
     *
     * @throws IllegalStateException when the API already has one
     */
    public ApiHandlers register(ApiKey api, ApiHandler handler) {
        if (handlers.putIfAbsent(api, handler) != null) {
            throw new IllegalStateException("a handler for " + api + " is already registered");
        }
        return this;
    }

    /** The handler of an API, or null. */
    public ApiHandler get(ApiKey api) {
        return handlers.get(api);
    }

    /** The APIs that have a handler. */
    public Set<ApiKey> served() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
