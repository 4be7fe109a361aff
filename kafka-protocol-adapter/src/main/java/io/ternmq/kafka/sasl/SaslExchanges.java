package io.ternmq.kafka.sasl;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts server-side SASL exchanges for the mechanisms the listener enables ({@code kafkaSaslMechanisms}), against
 * the users of {@code kafkaSaslUsersFile}.
 *
 * <p>Thread-safe.
 */
public final class SaslExchanges {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SaslMechanism> enabled;
    private final SaslCredentials credentials;
    private final Supplier<String> serverNonces;

    public SaslExchanges(List<SaslMechanism> enabled, SaslCredentials credentials) {
        this(enabled, credentials, SaslExchanges::randomNonce);
    }

    /** With a nonce source of our choosing (tests). */
    SaslExchanges(List<SaslMechanism> enabled, SaslCredentials credentials, Supplier<String> serverNonces) {
        this.enabled = List.copyOf(enabled);
        this.credentials = credentials;
        this.serverNonces = serverNonces;
    }

    /** The enabled mechanisms' names, in configuration order, as SaslHandshake lists them. */
    public List<String> enabledNames() {
        return enabled.stream().map(SaslMechanism::wireName).toList();
    }

    /** Starts an exchange, or returns null when the mechanism is unknown or not enabled. */
    public SaslExchange start(String mechanismName) {
        SaslMechanism mechanism = SaslMechanism.byWireName(mechanismName).filter(enabled::contains).orElse(null);
        if (mechanism == null) {
            return null;
        }
        return mechanism == SaslMechanism.PLAIN ? new PlainExchange(credentials)
                : new ScramExchange(mechanism, credentials, serverNonces);
    }

    private static String randomNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // base64 never contains ',' so it is a valid SCRAM nonce
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
