package io.ternmq.kafka.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SCRAM-SHA-256/512 (RFC 5802, RFC 7677), server side, without channel binding:
 * <ol>
 *   <li>client-first {@code gs2-header client-first-bare}, with gs2-header {@code n,[a=authzid],} and bare
 *       {@code n=user,r=client-nonce[,extensions]} → server-first {@code r=client-nonce+server-nonce,s=salt,i=iterations};</li>
 *   <li>client-final {@code c=base64(gs2-header),r=nonce[,extensions],p=base64(ClientProof)}: the server checks
 *       {@code H(ClientProof XOR HMAC(StoredKey, AuthMessage)) == StoredKey} → server-final
 *       {@code v=base64(HMAC(ServerKey, AuthMessage))}.</li>
 * </ol>
 * {@code AuthMessage = client-first-bare "," server-first "," client-final-without-proof}. Kafka's delegation-token
 * extension ({@code tokenauth=true}) is refused; unknown users fail at the first message, like Kafka.
 */
final class ScramExchange implements SaslExchange {
    private static final String INVALID_CREDENTIALS =
            "Authentication failed during authentication due to invalid credentials with SASL mechanism ";

    private enum State { EXPECT_CLIENT_FIRST, EXPECT_CLIENT_FINAL, DONE }

    private final SaslMechanism mechanism;
    private final ScramFunctions functions;
    private final SaslCredentials credentials;
    private final Supplier<String> serverNonces;
    private State state = State.EXPECT_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String user;
    private ScramCredential credential;

    /**
     * @param serverNonces printable nonces without commas (tests pass a fixed one)
     */
    ScramExchange(SaslMechanism mechanism, SaslCredentials credentials, Supplier<String> serverNonces) {
        this.mechanism = mechanism;
        this.functions = new ScramFunctions(mechanism);
        this.credentials = credentials;
        this.serverNonces = serverNonces;
    }

    @Override
    public SaslMechanism mechanism() {
        return mechanism;
    }

    @Override
    public SaslStep evaluate(byte[] clientToken) {
        String message = new String(clientToken, StandardCharsets.UTF_8);
        State current = state;
        state = State.DONE;
        try {
            return switch (current) {
                case EXPECT_CLIENT_FIRST -> clientFirst(message);
                case EXPECT_CLIENT_FINAL -> clientFinal(message);
                case DONE -> SaslStep.failed(mechanism.wireName() + " authentication already completed");
            };
        } catch (MalformedScramMessage e) {
            return SaslStep.failed("Invalid " + mechanism.wireName() + " message: " + e.getMessage());
        }
    }

    private SaslStep clientFirst(String message) throws MalformedScramMessage {
        if (message.startsWith("p=")) {
            throw new MalformedScramMessage("channel binding is not supported");
        }
        if (!(message.startsWith("n,") || message.startsWith("y,"))) {
            throw new MalformedScramMessage("expected gs2 header n, or y,");
        }
        int headerEnd = message.indexOf(',', 2);
        if (headerEnd < 0) {
            throw new MalformedScramMessage("incomplete gs2 header");
        }
        String authzid = message.substring(2, headerEnd);
        gs2Header = message.substring(0, headerEnd + 1);
        clientFirstBare = message.substring(headerEnd + 1);
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")) {
            throw new MalformedScramMessage("expected n=user,r=nonce");
        }
        user = decodeSaslName(attributes[0].substring(2));
        String clientNonce = attributes[1].substring(2);
        if (clientNonce.isEmpty()) {
            throw new MalformedScramMessage("empty client nonce");
        }
        for (int i = 2; i < attributes.length; i++) {
            if (attributes[i].equals("tokenauth=true")) {
                return SaslStep.failed("Delegation token authentication is not supported");
            }
        }
        if (!authzid.isEmpty() && !(authzid.startsWith("a=") && decodeSaslName(authzid.substring(2)).equals(user))) {
            return SaslStep.failed("Authentication failed: authorization id must be the user name");
        }
        Optional<ScramCredential> stored = credentials.scram(user, mechanism);
        if (stored.isEmpty()) {
            return SaslStep.failed(INVALID_CREDENTIALS + mechanism.wireName());
        }
        credential = stored.get();
        nonce = clientNonce + serverNonces.get();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt()) + ",i="
                + credential.iterations();
        state = State.EXPECT_CLIENT_FINAL;
        return SaslStep.challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) throws MalformedScramMessage {
        int proofAt = message.lastIndexOf(",p=");
        if (!message.startsWith("c=") || proofAt < 0) {
            throw new MalformedScramMessage("expected c=...,r=...,p=...");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2 || !attributes[1].startsWith("r=")) {
            throw new MalformedScramMessage("expected c=...,r=...");
        }
        byte[] channelBinding = decodeBase64(attributes[0].substring(2));
        if (!MessageDigest.isEqual(channelBinding, gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw new MalformedScramMessage("channel binding does not match the gs2 header");
        }
        if (!attributes[1].substring(2).equals(nonce)) {
            throw new MalformedScramMessage("nonce does not match");
        }
        byte[] proof = decodeBase64(message.substring(proofAt + 3));
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = functions.hmac(credential.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return SaslStep.failed(INVALID_CREDENTIALS + mechanism.wireName());
        }
        byte[] clientKey = proof.clone();
        ScramFunctions.xorInto(clientKey, clientSignature);
        if (!MessageDigest.isEqual(functions.hash(clientKey), credential.storedKey())) {
            return SaslStep.failed(INVALID_CREDENTIALS + mechanism.wireName());
        }
        byte[] serverSignature = functions.hmac(credential.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return SaslStep.authenticated(user, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 5802 saslname: "," is sent as "=2C" and "=" as "=3D"; any other "=" is invalid. */
    static String decodeSaslName(String encoded) throws MalformedScramMessage {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (encoded.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (encoded.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                throw new MalformedScramMessage("invalid escape in user name");
            }
        }
        if (out.isEmpty()) {
            throw new MalformedScramMessage("empty user name");
        }
        return out.toString();
    }

    private static byte[] decodeBase64(String text) throws MalformedScramMessage {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedScramMessage("invalid base64");
        }
    }

    /** A client message that does not follow RFC 5802's grammar. */
    static final class MalformedScramMessage extends Exception {
        MalformedScramMessage(String message) {
            super(message, null, false, false);
        }
    }
}
