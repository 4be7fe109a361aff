package io.ternmq.kafka.sasl;

/**
 * The server's answer to one client token.
 *
 * @param outcome   what happens next
 * @param challenge bytes for the client ({@code auth_bytes}); empty when there are none
 * @param user      the authenticated user ({@link SaslOutcome#AUTHENTICATED} only)
 * @param error     why it failed, safe to show to the client ({@link SaslOutcome#FAILED} only)
 */
public record SaslStep(SaslOutcome outcome, byte[] challenge, String user, String error) {
    private static final byte[] NONE = new byte[0];

    static SaslStep challenge(byte[] challenge) {
        return new SaslStep(SaslOutcome.CHALLENGE, challenge, null, null);
    }

    static SaslStep authenticated(String user, byte[] last) {
        return new SaslStep(SaslOutcome.AUTHENTICATED, last, user, null);
    }

    static SaslStep failed(String error) {
        return new SaslStep(SaslOutcome.FAILED, NONE, null, error);
    }
}
