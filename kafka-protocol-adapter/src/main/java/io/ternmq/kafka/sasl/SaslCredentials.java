package io.ternmq.kafka.sasl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;

/**
 * The Kafka users and what the broker keeps to check them: per user, one {@link ScramCredential} per SCRAM mechanism
 * (each with its own random salt, {@value ScramCredential#DEFAULT_ITERATIONS} iterations), derived once when the
 * users file ({@code kafkaSaslUsersFile}, Java properties {@code user=password}) is loaded. PLAIN passwords are checked
 * against the SCRAM-SHA-512 credential, so no password stays in memory after loading.
 *
 * <p>Immutable and thread-safe.
 */
public final class SaslCredentials {
    private final Map<String, Map<SaslMechanism, ScramCredential>> users;

    private SaslCredentials(Map<String, Map<SaslMechanism, ScramCredential>> users) {
        this.users = users;
    }

    /**
     * Reads a users file.
     *
     * @throws IOException when it cannot be read or is malformed (the broker then fails to start)
     */
    public static SaslCredentials load(Path usersFile) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed users file " + usersFile + ": " + e.getMessage(), e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(user -> passwords.put(user, properties.getProperty(user)));
        return of(passwords, new SecureRandom());
    }

    /** Derives the credentials of {@code user → password} pairs, salts drawn from {@code random}. */
    public static SaslCredentials of(Map<String, String> passwords, Random random) {
        Map<String, Map<SaslMechanism, ScramCredential>> users = new LinkedHashMap<>();
        passwords.forEach((user, password) -> {
            if (user.isEmpty()) {
                throw new IllegalArgumentException("empty user name in the SASL users");
            }
            Map<SaslMechanism, ScramCredential> perMechanism = new EnumMap<>(SaslMechanism.class);
            for (SaslMechanism mechanism : SaslMechanism.values()) {
                if (mechanism.isScram()) {
                    byte[] salt = new byte[16];
                    random.nextBytes(salt);
                    perMechanism.put(mechanism, new ScramFunctions(mechanism).credential(password, salt,
                            ScramCredential.DEFAULT_ITERATIONS));
                }
            }
            users.put(user, Map.copyOf(perMechanism));
        });
        return new SaslCredentials(Map.copyOf(users));
    }

    /** The credential for a user and SCRAM mechanism, if the user exists. */
    public Optional<ScramCredential> scram(String user, SaslMechanism mechanism) {
        Map<SaslMechanism, ScramCredential> perMechanism = users.get(user);
        return perMechanism == null ? Optional.empty() : Optional.ofNullable(perMechanism.get(mechanism));
    }

    /** True when the user exists and the password is theirs (compared in constant time). */
    public boolean checkPassword(String user, String password) {
        Optional<ScramCredential> stored = scram(user, SaslMechanism.SCRAM_SHA_512);
        if (stored.isEmpty()) {
            return false;
        }
        ScramCredential expected = stored.get();
        ScramCredential offered = new ScramFunctions(SaslMechanism.SCRAM_SHA_512).credential(password,
                expected.salt(), expected.iterations());
        return MessageDigest.isEqual(expected.storedKey(), offered.storedKey());
    }

    /** Number of users. */
    public int size() {
        return users.size();
    }
}
