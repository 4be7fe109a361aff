package io.ternmq.kafka.sasl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The functions of RFC 5802 section 2.2 for one SCRAM mechanism: {@code H}, {@code HMAC}, {@code Hi} (PBKDF2 with
 * HMAC as the PRF and one output block), and the keys derived from a password. Passwords are used as their UTF-8
 * bytes without SASLprep, as Kafka does.
 *
 * <p>Stateless and thread-safe (JCA objects are created per call).
 */
final class ScramFunctions {
    private final SaslMechanism mechanism;

    ScramFunctions(SaslMechanism mechanism) {
        if (!mechanism.isScram()) {
            throw new IllegalArgumentException(mechanism + " is not a SCRAM mechanism");
        }
        this.mechanism = mechanism;
    }

    byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(mechanism.hashAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + mechanism.hashAlgorithm(), e);
        }
    }

    byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(mechanism.hmacAlgorithm());
            mac.init(new SecretKeySpec(key, mechanism.hmacAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + mechanism.hmacAlgorithm(), e);
        }
    }

    /** {@code Hi(password, salt, i)}: U1 = HMAC(password, salt + INT(1)), Ui = HMAC(password, Ui-1), XOR of all. */
    byte[] hi(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance(mechanism.hmacAlgorithm());
            mac.init(new SecretKeySpec(password, mechanism.hmacAlgorithm()));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                xorInto(result, u);
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + mechanism.hmacAlgorithm(), e);
        }
    }

    /** The stored credential for a password: StoredKey = H(HMAC(SaltedPassword, "Client Key")), ServerKey. */
    ScramCredential credential(String password, byte[] salt, int iterations) {
        byte[] salted = hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramCredential(salt, iterations, hash(clientKey), serverKey);
    }

    static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= other[i];
        }
    }
}
