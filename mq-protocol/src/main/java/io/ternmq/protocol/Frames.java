package io.ternmq.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.ternmq.protocol.codec.WireReader;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;

import java.nio.charset.StandardCharsets;

/** Builds frames from bodies and reads bodies out of frames; the only place that pairs the two. */
public final class Frames {
    private Frames() {
    }

    public static Frame request(ByteBufAllocator alloc, Command<?, ?> command, Body body, int requestId, int version,
                                boolean oneWay) {
        return new Frame(command.code(), oneWay ? Frame.FLAG_ONE_WAY : 0, version, requestId, 0,
                body.encodeToBuffer(alloc, version));
    }

    public static Frame response(ByteBufAllocator alloc, Frame request, Body body) {
        return new Frame(request.command(), Frame.FLAG_RESPONSE, request.version(), request.requestId(),
                ErrorCode.SUCCESS.code(), body.encodeToBuffer(alloc, request.version()));
    }

    public static Frame error(ByteBufAllocator alloc, int command, int version, int requestId, ErrorCode code,
                              String message) {
        ByteBuf body = alloc.buffer();
        body.writeCharSequence(message == null ? code.name() : message, StandardCharsets.UTF_8);
        return new Frame(command, Frame.FLAG_RESPONSE, version, requestId, code.code(), body);
    }

    public static Frame error(ByteBufAllocator alloc, Frame request, ErrorCode code, String message) {
        return error(alloc, request.command(), request.version(), request.requestId(), code, message);
    }

    /**
     * Decodes the request body of a frame with the command's decoder, failing on trailing bytes.
     *
     * @throws io.ternmq.protocol.codec.MalformedFrameException when the body does not decode
     */
    public static <Q extends Body> Q decodeRequest(Command<Q, ?> command, Frame frame) {
        WireReader in = new WireReader(frame.body().duplicate());
        Q body = command.requestDecoder().decode(in, frame.version());
        in.end();
        return body;
    }

    public static <R extends Body> R decodeResponse(Command<?, R> command, Frame frame) {
        WireReader in = new WireReader(frame.body().duplicate());
        R body = command.responseDecoder().decode(in, frame.version());
        in.end();
        return body;
    }

    /** The error text of a failed response. */
    public static String errorMessage(Frame frame) {
        return frame.body().toString(frame.body().readerIndex(), frame.body().readableBytes(), StandardCharsets.UTF_8);
    }
}
