package io.ternmq.kafka.sasl;

/**
 * The server side of one SASL authentication on one connection, fed the client's tokens in order. A new exchange is
 * started for each SaslHandshake.
 *
 * <p>Not thread-safe: the client waits for each answer before sending the next token, so calls never overlap.
 */
public interface SaslExchange {
    /** The mechanism being run. */
    SaslMechanism mechanism();

    /** Reads the client's next token and answers it; after AUTHENTICATED or FAILED the exchange is over. */
    SaslStep evaluate(byte[] clientToken);
}
