package io.ternmq.kafka.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the broker knows about one Kafka connection: the peer's address, the client id of its latest request, and its
 * SASL state and authenticated principal. The SASL exchange object itself ({@link #saslExchange}) is opaque here;
 * the {@code sasl} package's handlers put theirs.
 *
 * <p>Thread-safe: requests of one connection may be processed on several worker threads at once, so every field is
 * volatile. SASL steps never overlap because a client waits for each SASL response before the next step.
 */
public final class KafkaConnection {
    private static final AttributeKey<KafkaConnection> KEY = AttributeKey.valueOf("ternmq.kafka.connection");
    /** The principal of connections on a listener without SASL, as Kafka names it. */
    public static final String ANONYMOUS = "ANONYMOUS";

    private final String remoteAddress;
    private volatile String clientId = "";
    private volatile AuthState authState;
    private volatile String principal;
    private volatile Object saslExchange;
    private final List<Runnable> closeListeners = new ArrayList<>(1);
    private boolean closed;
    private volatile SerialExecutor requestExecutor;

    /**
     * @param remoteAddress the peer as {@code host:port}, for logs and DescribeGroups' client_host
     * @param saslRequired  whether the connection must authenticate before using the broker
     */
    public KafkaConnection(String remoteAddress, boolean saslRequired) {
        this.remoteAddress = remoteAddress;
        this.authState = saslRequired ? AuthState.AWAITING_HANDSHAKE : AuthState.AUTHENTICATED;
        this.principal = saslRequired ? null : ANONYMOUS;
    }

    /** Attaches a new connection state to a channel. */
    static KafkaConnection attach(Channel channel, boolean saslRequired) {
        KafkaConnection connection = new KafkaConnection(String.valueOf(channel.remoteAddress()), saslRequired);
        channel.attr(KEY).set(connection);
        return connection;
    }

    /** The state attached to a channel, or null. */
    public static KafkaConnection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The client id of the latest request ({@code client.id}), "" until the first one. */
    public String clientId() {
        return clientId;
    }

    public void clientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId;
    }

    public AuthState authState() {
        return authState;
    }

    /** True when every API may be served. */
    public boolean authenticated() {
        return authState == AuthState.AUTHENTICATED;
    }

    /** The authenticated user name ({@link #ANONYMOUS} without SASL), null before authentication. */
    public String principal() {
        return principal;
    }

    /** Moves to a mechanism-chosen state and keeps that mechanism's exchange. */
    public void saslStarted(AuthState next, Object exchange) {
        if (next != AuthState.AWAITING_AUTHENTICATE && next != AuthState.AWAITING_RAW_TOKEN) {
            throw new IllegalArgumentException("not a SASL exchange state: " + next);
        }
        this.saslExchange = exchange;
        this.authState = next;
    }

    /** The exchange of the mechanism chosen by SaslHandshake, or null. */
    public Object saslExchange() {
        return saslExchange;
    }

    /** Authentication succeeded as {@code user}. */
    public void authenticated(String user) {
        this.principal = user;
        this.saslExchange = null;
        this.authState = AuthState.AUTHENTICATED;
    }

    /** Authentication failed; the connection is about to close. */
    public void authenticationFailed() {
        this.saslExchange = null;
        this.authState = AuthState.FAILED;
    }

    /**
     * Runs {@code listener} once the connection has closed (at once if it already has), e.g. to release a Fetch that
     * waits for data. Listeners run on the connection's event loop and must not block.
     *
     * @return removes the listener again (for a wait that ended before the connection closed)
     */
    public Runnable whenClosed(Runnable listener) {
        synchronized (closeListeners) {
            if (!closed) {
                closeListeners.add(listener);
                return () -> {
                    synchronized (closeListeners) {
                        closeListeners.remove(listener);
                    }
                };
            }
        }
        listener.run();
        return () -> { };
    }

    /** The connection closed: runs the close listeners once. */
    void markClosed() {
        List<Runnable> listeners;
        synchronized (closeListeners) {
            if (closed) {
                return;
            }
            closed = true;
            listeners = new ArrayList<>(closeListeners);
            closeListeners.clear();
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                System.getLogger(KafkaConnection.class.getName()).log(System.Logger.Level.ERROR,
                        "close listener of Kafka connection " + this + " failed", e);
            }
        }
    }

    /** True once the connection has closed. */
    public boolean isClosed() {
        synchronized (closeListeners) {
            return closed;
        }
    }

    /** This connection's in-order view of the worker pool (created on first use, on the connection's event loop). */
    Executor requestExecutor(Executor workers) {
        SerialExecutor executor = requestExecutor;
        if (executor == null) {
            executor = new SerialExecutor(workers);
            requestExecutor = executor;
        }
        return executor;
    }

    @Override
    public String toString() {
        return remoteAddress + (clientId.isEmpty() ? "" : " (" + clientId + ")")
                + (principal == null || ANONYMOUS.equals(principal) ? "" : " as " + principal);
    }
}
