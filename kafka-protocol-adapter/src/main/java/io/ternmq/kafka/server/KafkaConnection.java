package io.ternmq.kafka.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

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

    @Override
    public String toString() {
        return remoteAddress + (clientId.isEmpty() ? "" : " (" + clientId + ")")
                + (principal == null || ANONYMOUS.equals(principal) ? "" : " as " + principal);
    }
}
