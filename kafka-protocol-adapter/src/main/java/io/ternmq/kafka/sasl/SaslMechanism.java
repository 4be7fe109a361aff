package io.ternmq.kafka.sasl;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SASL mechanisms the Kafka listener can require, by their IANA names (as clients send them in SaslHandshake).
 * SCRAM mechanisms name their hash and HMAC algorithms (RFC 5802 section 2.2, RFC 7677).
 */
public enum SaslMechanism {
    /** RFC 4616: user name and password in one token. Only safe over TLS or a trusted network. */
    PLAIN("PLAIN", null, null),
    /** RFC 7677. */
    SCRAM_SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256"),
    /** Kafka's SHA-512 variant of RFC 7677. */
    SCRAM_SHA_512("SCRAM-SHA-512", "SHA-512", "HmacSHA512");

    private final String wireName;
    private final String hashAlgorithm;
    private final String hmacAlgorithm;

    SaslMechanism(String wireName, String hashAlgorithm, String hmacAlgorithm) {
        this.wireName = wireName;
        this.hashAlgorithm = hashAlgorithm;
        this.hmacAlgorithm = hmacAlgorithm;
    }

    /** The mechanism with this IANA name (case-sensitive, as Kafka compares them), if any. */
    public static Optional<SaslMechanism> byWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /** The name clients send, e.g. {@code SCRAM-SHA-256}. */
    public String wireName() {
        return wireName;
    }

    public boolean isScram() {
        return hashAlgorithm != null;
    }

    /** The JCA name of H() (SCRAM only). */
    String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The JCA name of HMAC() (SCRAM only). */
    String hmacAlgorithm() {
        return hmacAlgorithm;
    }
}
