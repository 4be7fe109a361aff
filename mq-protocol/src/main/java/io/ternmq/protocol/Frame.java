package io.ternmq.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

/**
 * One protocol frame. Byte layout (big-endian):
 *
 * <pre>
 * int32  length     bytes that follow this field (header + body), 10 .. maxFrameSize
 * int16  command    command code ({@link io.ternmq.protocol.command.Commands})
 * int8   flags      bit 0 = response, bit 1 = one-way (no response expected)
 * int8   version    protocol version of the body ({@link ProtocolVersion})
 * int32  requestId  chosen by the sender of a request, echoed in its response
 * int16  status     {@link ErrorCode} in responses, 0 in requests
 * byte[] body       command-specific; for a response with status != 0, a UTF-8 error message
 * </pre>
 *
 * The body is a retained slice of the inbound buffer; whoever ends the frame's life calls {@link #release()}.
 */
public final class Frame extends AbstractReferenceCounted {
    public static final int HEADER_SIZE = 10;
    public static final int FLAG_RESPONSE = 1;
    public static final int FLAG_ONE_WAY = 2;

    private final int command;
    private final int flags;
    private final int version;
    private final int requestId;
    private final int status;
    private final ByteBuf body;

    public Frame(int command, int flags, int version, int requestId, int status, ByteBuf body) {
        this.command = command;
        this.flags = flags;
        this.version = version;
        this.requestId = requestId;
        this.status = status;
        this.body = body;
    }

    public int command() {
        return command;
    }

    public int flags() {
        return flags;
    }

    public int version() {
        return version;
    }

    public int requestId() {
        return requestId;
    }

    public int status() {
        return status;
    }

    public ByteBuf body() {
        return body;
    }

    public boolean isResponse() {
        return (flags & FLAG_RESPONSE) != 0;
    }

    public boolean isOneWay() {
        return (flags & FLAG_ONE_WAY) != 0;
    }

    @Override
    protected void deallocate() {
        body.release();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        body.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "Frame{command=" + command + ", flags=" + flags + ", version=" + version + ", requestId=" + requestId
                + ", status=" + status + ", bodyBytes=" + body.readableBytes() + '}';
    }
}
