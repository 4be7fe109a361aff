package io.ternmq.kafka.sasl;

/**
 * What the broker keeps for a user and one SCRAM mechanism (RFC 5802 section 3): enough to verify a client's proof
 * and sign the server's answer, never the password itself.
 *
 * @param salt       the random salt
 * @param iterations the Hi() iteration count (Kafka clients refuse fewer than 4096)
 * @param storedKey  {@code H(ClientKey)}
 * @param serverKey  {@code HMAC(SaltedPassword, "Server Key")}
 */
public record ScramCredential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    /** The iteration count used for credentials derived at load, Kafka's minimum. */
    public static final int DEFAULT_ITERATIONS = 4096;
}
