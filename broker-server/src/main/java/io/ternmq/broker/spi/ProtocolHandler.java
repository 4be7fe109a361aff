package io.ternmq.broker.spi;

import io.ternmq.broker.core.BrokerCore;

/**
 * A protocol front-end plugged into the broker, found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/io.ternmq.broker.spi.ProtocolHandler}). The Kafka adapter will be one. A handler opens its
 * own listener in {@link #start} and talks to the broker only through {@link BrokerCore}.
 *
 * <p>Lifecycle: {@link #start} once, after the store and core services are up; {@link #close} once, before they go
 * down. Implementations must be thread-safe.
 */
public interface ProtocolHandler extends AutoCloseable {
    /** Short name for logs, e.g. "kafka". */
    String name();

    /**
     * Starts serving.
     *
     * @throws Exception when it cannot start; the broker then fails to start
     */
    void start(BrokerCore core) throws Exception;

    /** Where it listens, as {@code host:port}, for the start-up banner. */
    String listenAddress();

    /** Stops accepting, finishes or aborts in-flight work, releases its resources. */
    @Override
    void close();
}
