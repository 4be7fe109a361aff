package io.ternmq.kafka.sasl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server side of SCRAM against RFC 7677's SCRAM-SHA-256 example (section 3). */
class ScramExchangeTest {
    private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    /** Every salt drawn is the RFC's, so the derived credential is the RFC's. */
    static SaslCredentials rfcUsers() {
        Random fixedSalt = new Random() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(RFC_SALT, 0, bytes, 0, bytes.length);
            }
        };
        return SaslCredentials.of(Map.of("user", "pencil"), fixedSalt);
    }

    private static SaslExchange start() {
        return new SaslExchanges(List.of(SaslMechanism.SCRAM_SHA_256), rfcUsers(), () -> SERVER_NONCE)
                .start("SCRAM-SHA-256");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rfc7677ExampleAuthenticatesAndSignsTheServerFinalMessage() {
        SaslExchange exchange = start();
        SaslStep first = exchange.evaluate(utf8(CLIENT_FIRST));
        assertEquals(SaslOutcome.CHALLENGE, first.outcome());
        assertEquals(SERVER_FIRST, new String(first.challenge(), StandardCharsets.UTF_8));

        SaslStep last = exchange.evaluate(utf8(CLIENT_FINAL));
        assertEquals(SaslOutcome.AUTHENTICATED, last.outcome(), last.error());
        assertEquals("user", last.user());
        assertEquals(SERVER_FINAL, new String(last.challenge(), StandardCharsets.UTF_8));
    }

    @Test
    void aProofFromTheWrongPasswordFails() {
        SaslExchange exchange = start();
        exchange.evaluate(utf8(CLIENT_FIRST));
        String forged = CLIENT_FINAL.replace("p=dHzbZapWIk4jUhN+", "p=eHzbZapWIk4jUhN+");
        SaslStep step = exchange.evaluate(utf8(forged));
        assertEquals(SaslOutcome.FAILED, step.outcome());
        assertNull(step.user());
        assertTrue(step.error().contains("invalid credentials"), step.error());
    }

    @Test
    void anUnknownUserFailsAtTheFirstMessage() {
        SaslStep step = start().evaluate(utf8("n,,n=mallory,r=abc"));
        assertEquals(SaslOutcome.FAILED, step.outcome());
    }

    @Test
    void aReplayedNonceOrChannelBindingIsRejected() {
        SaslExchange exchange = start();
        exchange.evaluate(utf8(CLIENT_FIRST));
        assertEquals(SaslOutcome.FAILED, exchange.evaluate(utf8(CLIENT_FINAL.replace("r=rOpr", "r=xOpr"))).outcome());

        SaslExchange other = start();
        other.evaluate(utf8(CLIENT_FIRST));
        assertEquals(SaslOutcome.FAILED, other.evaluate(utf8(CLIENT_FINAL.replace("c=biws", "c=eSws"))).outcome());
    }

    @Test
    void delegationTokensAndChannelBindingAreRefused() {
        assertEquals(SaslOutcome.FAILED, start().evaluate(utf8(CLIENT_FIRST + ",tokenauth=true")).outcome());
        assertEquals(SaslOutcome.FAILED, start().evaluate(utf8("p=tls-unique,,n=user,r=abc")).outcome());
    }

    @Test
    void anExchangeCannotBeReusedAfterItEnded() {
        SaslExchange exchange = start();
        exchange.evaluate(utf8(CLIENT_FIRST));
        exchange.evaluate(utf8(CLIENT_FINAL));
        assertEquals(SaslOutcome.FAILED, exchange.evaluate(utf8(CLIENT_FINAL)).outcome());
    }

    @Test
    void saslNamesUnescapeCommaAndEquals() throws Exception {
        assertEquals("a,b=c", ScramExchange.decodeSaslName("a=2Cb=3Dc"));
    }
}
