package io.ternmq.broker.remoting;

import io.netty.buffer.Unpooled;
import io.ternmq.protocol.Frame;

/**
 * The header fields of a request that its response needs. The request's frame is released as soon as the body is
 * decoded; this small record is what travels on to the handler.
 *
 * @param command   command code
 * @param version   protocol version of the request body (the response uses the same)
 * @param requestId echoed in the response
 * @param oneWay    true when the client expects no response
 */
public record RequestHeader(int command, int version, int requestId, boolean oneWay) {

    public static RequestHeader of(Frame frame) {
        return new RequestHeader(frame.command(), frame.version(), frame.requestId(), frame.isOneWay());
    }

    /** A body-less frame with these header fields, as {@link io.ternmq.protocol.Frames} wants for responses. */
    Frame stub() {
        return new Frame(command, oneWay ? Frame.FLAG_ONE_WAY : 0, version, requestId, 0, Unpooled.EMPTY_BUFFER);
    }
}
