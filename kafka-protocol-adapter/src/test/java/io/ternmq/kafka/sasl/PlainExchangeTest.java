package io.ternmq.kafka.sasl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SASL PLAIN (RFC 4616) on the server side. */
class PlainExchangeTest {
    private static final SaslCredentials USERS = SaslCredentials.of(Map.of("alice", "s3cret", "bob", "pw"),
            new SecureRandom());

    private static SaslStep login(String token) {
        return new SaslExchanges(List.of(SaslMechanism.PLAIN), USERS).start("PLAIN")
                .evaluate(token.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRightPasswordAuthenticatesWithOrWithoutAuthzid() {
        SaslStep step = login("\0alice\0s3cret");
        assertEquals(SaslOutcome.AUTHENTICATED, step.outcome(), step.error());
        assertEquals("alice", step.user());
        assertEquals(SaslOutcome.AUTHENTICATED, login("alice\0alice\0s3cret").outcome());
    }

    @Test
    void aWrongPasswordOrUnknownUserFails() {
        SaslStep wrong = login("\0alice\0pw");
        assertEquals(SaslOutcome.FAILED, wrong.outcome());
        assertNull(wrong.user());
        assertEquals(SaslOutcome.FAILED, login("\0carol\0s3cret").outcome());
    }

    @Test
    void impersonationAndMalformedTokensFail() {
        assertEquals(SaslOutcome.FAILED, login("bob\0alice\0s3cret").outcome());
        assertEquals(SaslOutcome.FAILED, login("alice\0s3cret").outcome());
        assertEquals(SaslOutcome.FAILED, login("\0alice\0").outcome());
        assertEquals(SaslOutcome.FAILED, login("\0alice\0s3cret\0x").outcome());
    }

    @Test
    void onlyEnabledMechanismsStart() {
        SaslExchanges plainOnly = new SaslExchanges(List.of(SaslMechanism.PLAIN), USERS);
        assertNull(plainOnly.start("SCRAM-SHA-256"));
        assertNull(plainOnly.start("plain"));
        assertEquals(List.of("PLAIN"), plainOnly.enabledNames());
    }
}
