package io.ternmq.protocol.codec;

/** A frame or body that does not follow the protocol: truncated, a length out of range, a bad enum value. */
public class MalformedFrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedFrameException(String message) {
        super(message);
    }
}
