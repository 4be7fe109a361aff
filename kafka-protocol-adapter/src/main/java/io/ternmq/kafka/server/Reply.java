package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;

/**
 * What a connection does once a request has been processed, in its turn: write a response frame payload (the size
 * prefix is added by the encoder), write nothing (Produce with {@code acks=0}), or close the connection, after the
 * payload when there is one (failed SASL authentication) or without answering (unknown API key).
 *
 * @param payload    the response frame without its size prefix, owned by the reply until written; null for none
 * @param closeAfter whether the connection closes once this reply (and every earlier one) has been written
 * @param reason     why the connection closes, for the log; null when it stays open
 */
public record Reply(ByteBuf payload, boolean closeAfter, String reason) {

    /** Writes {@code payload} and keeps the connection open. */
    public static Reply respond(ByteBuf payload) {
        return new Reply(java.util.Objects.requireNonNull(payload, "payload"), false, null);
    }

    /** Writes nothing for this request. */
    public static Reply none() {
        return new Reply(null, false, null);
    }

    /** Closes the connection without answering this request. */
    public static Reply close(String reason) {
        return new Reply(null, true, reason);
    }

    /** Writes {@code payload}, then closes the connection. */
    public static Reply respondThenClose(ByteBuf payload, String reason) {
        return new Reply(java.util.Objects.requireNonNull(payload, "payload"), true, reason);
    }

    /** Releases the payload of a reply that will not be written. */
    void discard() {
        if (payload != null && payload.refCnt() > 0) {
            payload.release();
        }
    }
}
