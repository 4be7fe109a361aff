package io.ternmq.kafka.sasl;

import java.nio.charset.StandardCharsets;

/**
 * SASL PLAIN (RFC 4616), server side: one client token {@code [authzid] NUL authcid NUL passwd}, UTF-8. The
 * authorization identity, when given, must be the user itself (no impersonation), as in Kafka.
 */
final class PlainExchange implements SaslExchange {
    private final SaslCredentials credentials;
    private boolean done;

    PlainExchange(SaslCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public SaslMechanism mechanism() {
        return SaslMechanism.PLAIN;
    }

    @Override
    public SaslStep evaluate(byte[] clientToken) {
        if (done) {
            return SaslStep.failed("PLAIN authentication already completed");
        }
        done = true;
        String message = new String(clientToken, StandardCharsets.UTF_8);
        int first = message.indexOf('\0');
        int second = first < 0 ? -1 : message.indexOf('\0', first + 1);
        if (first < 0 || second < 0 || message.indexOf('\0', second + 1) >= 0) {
            return SaslStep.failed("Invalid SASL/PLAIN message: expected [authzid] NUL user NUL password");
        }
        String authzid = message.substring(0, first);
        String user = message.substring(first + 1, second);
        String password = message.substring(second + 1);
        if (user.isEmpty() || password.isEmpty()) {
            return SaslStep.failed("Invalid SASL/PLAIN message: empty user name or password");
        }
        if (!authzid.isEmpty() && !authzid.equals(user)) {
            return SaslStep.failed("Authentication failed: authorization id must be the user name");
        }
        if (!credentials.checkPassword(user, password)) {
            return SaslStep.failed("Authentication failed: Invalid username or password");
        }
        return SaslStep.authenticated(user, new byte[0]);
    }
}
