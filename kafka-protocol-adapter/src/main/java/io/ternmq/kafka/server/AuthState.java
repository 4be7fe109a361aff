package io.ternmq.kafka.server;

/**
 * Where a connection is in SASL authentication. Without SASL configured a connection starts (and stays)
 * {@link #AUTHENTICATED} as the anonymous principal.
 */
public enum AuthState {
    /** SASL is on and no SaslHandshake has succeeded: only ApiVersions and SaslHandshake are served. */
    AWAITING_HANDSHAKE,
    /** SaslHandshake v1 chose a mechanism: tokens arrive in SaslAuthenticate requests. */
    AWAITING_AUTHENTICATE,
    /** SaslHandshake v0 chose a mechanism: the next frames are raw SASL tokens without a Kafka header. */
    AWAITING_RAW_TOKEN,
    /** Authenticated (or no SASL): every API is served. */
    AUTHENTICATED,
    /** Authentication failed: the connection is closing. */
    FAILED
}
