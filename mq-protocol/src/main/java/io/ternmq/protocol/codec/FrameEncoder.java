package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.ternmq.protocol.Frame;

import java.util.List;

/** Writes a {@link Frame}: a small header buffer followed by the body, without copying the body. */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToMessageEncoder<Frame> {
    public static final FrameEncoder INSTANCE = new FrameEncoder();

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        ByteBuf header = ctx.alloc().buffer(4 + Frame.HEADER_SIZE);
        writeHeader(header, frame);
        out.add(header);
        out.add(frame.body().retain());
    }

    /** Writes length prefix and header of a frame; shared by the encoder and tests that craft raw bytes. */
    public static void writeHeader(ByteBuf out, Frame frame) {
        out.writeInt(Frame.HEADER_SIZE + frame.body().readableBytes());
        out.writeShort(frame.command());
        out.writeByte(frame.flags());
        out.writeByte(frame.version());
        out.writeInt(frame.requestId());
        out.writeShort(frame.status());
    }
}
