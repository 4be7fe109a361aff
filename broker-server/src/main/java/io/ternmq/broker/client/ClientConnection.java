package io.ternmq.broker.client;

/**
 * What the core needs from a connected client, independent of the protocol it speaks. The native remoting layer
 * implements it per channel; a Kafka adapter would implement it per connection.
 *
 * <p>Implementations are thread-safe; {@link #notifyConsumerIdsChanged} must not block.
 */
public interface ClientConnection {
    /** The peer as {@code host:port}. */
    String remoteAddress();

    /** False once the connection is closed. */
    boolean isActive();

    /** Tells the client that the members of a group it belongs to changed, so it rebalances now. */
    void notifyConsumerIdsChanged(String group);
}
