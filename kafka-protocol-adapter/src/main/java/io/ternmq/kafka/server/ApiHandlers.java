package io.ternmq.kafka.server;

import io.ternmq.kafka.codec.ApiKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
public final class ApiHandlers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiHandlers.class.getName());

    private final Map<ApiKey, ApiHandler> handlers = new EnumMap<>(ApiKey.class);
    private final List<AutoCloseable> resources = new ArrayList<>();

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

    /**
     * Ties a resource the handlers share (waiting fetches, producer state) to the table's life: {@link #close} closes
     * it, in reverse order of registration.
     */
    public synchronized ApiHandlers closeWith(AutoCloseable resource) {
        resources.add(resource);
        return this;
    }

    /**
     * Closes the shared resources; called by the listener after requests stopped being processed and before the
     * connections close, so waiting requests are still answered.
     */
    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "cannot close " + resources.get(i), e);
            }
        }
        resources.clear();
    }
}
