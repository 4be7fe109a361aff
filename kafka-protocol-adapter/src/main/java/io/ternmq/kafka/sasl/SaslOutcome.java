package io.ternmq.kafka.sasl;

/** Where a SASL exchange stands after the server has read a client token. */
public enum SaslOutcome {
    /** Send the challenge and wait for the client's next token. */
    CHALLENGE,
    /** Authenticated; the challenge (possibly empty) is the server's last message. */
    AUTHENTICATED,
    /** Wrong credentials or a malformed token: answer SASL_AUTHENTICATION_FAILED and close. */
    FAILED
}
