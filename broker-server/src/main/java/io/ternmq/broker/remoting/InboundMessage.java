package io.ternmq.broker.remoting;

import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;

/** What {@link CommandDecoder} makes of a frame. */
public sealed interface InboundMessage {

    /** A request whose body decoded. */
    record DecodedRequest(RequestHeader header, Command<?, ?> command, Body body) implements InboundMessage {
    }

    /** A request that is answered with an error without reaching a handler; the connection stays open. */
    record RejectedRequest(RequestHeader header, ErrorCode error, String message) implements InboundMessage {
    }

    /**
     * A response to a request the broker sent (e.g. a future transaction check-back). The frame is retained; the
     * receiver releases it.
     */
    record InboundResponse(Frame frame) implements InboundMessage {
    }
}
