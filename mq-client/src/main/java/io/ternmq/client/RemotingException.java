package io.ternmq.client;

import io.ternmq.protocol.ErrorCode;

/**
 * Talking to the broker failed: the connection could not be made or broke, or no answer came in time. Whether the
 * broker acted on the request is unknown, so it is retriable but may lead to a duplicate.
 */
public class RemotingException extends MQClientException {
    private final Kind kind;

    /** What went wrong on the wire. */
    public enum Kind {
        /** The connection (or the HELLO handshake) could not be established. */
        CONNECT_FAILED,
        /** The connection closed while the request was pending. */
        CONNECTION_CLOSED,
        /** No response within the timeout. */
        TIMEOUT,
        /** The response could not be decoded or the request could not be written. */
        PROTOCOL
    }

    public RemotingException(Kind kind, String message, Throwable cause) {
        super(ErrorCode.SYSTEM_ERROR, kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean retriable() {
        return kind != Kind.PROTOCOL;
    }
}
