package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.ternmq.protocol.Frame;

import java.util.List;

/**
 * Splits the byte stream into {@link Frame}s (layout in {@link Frame}). Waits without consuming while a frame is
 * incomplete. A length below the header size or above {@code maxFrameSize} is a protocol violation: the decoder
 * raises {@link TooLongFrameException} or {@link MalformedFrameException} before allocating anything for it and
 * then ignores the rest of the stream, so the connection handler can answer once and close.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private static final int LENGTH_FIELD = 4;

    private final int maxFrameSize;
    private boolean failed;

    public FrameDecoder(int maxFrameSize) {
        if (maxFrameSize < Frame.HEADER_SIZE) {
            throw new IllegalArgumentException("maxFrameSize too small: " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < LENGTH_FIELD) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < Frame.HEADER_SIZE) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new MalformedFrameException("frame length " + length + " is below the header size " + Frame.HEADER_SIZE);
        }
        if (length > maxFrameSize) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new TooLongFrameException("frame length " + length + " exceeds maxFrameSize " + maxFrameSize);
        }
        // not LENGTH_FIELD + length: that overflows for lengths near Integer.MAX_VALUE when maxFrameSize allows them
        if (in.readableBytes() - LENGTH_FIELD < length) {
            return;
        }
        in.skipBytes(LENGTH_FIELD);
        int command = in.readUnsignedShort();
        int flags = in.readUnsignedByte();
        int version = in.readUnsignedByte();
        int requestId = in.readInt();
        int status = in.readUnsignedShort();
        ByteBuf body = in.readRetainedSlice(length - Frame.HEADER_SIZE);
        out.add(new Frame(command, flags, version, requestId, status, body));
    }
}
