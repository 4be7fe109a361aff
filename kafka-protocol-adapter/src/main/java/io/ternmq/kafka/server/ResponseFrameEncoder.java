package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.List;

/**
 * Frames a response payload (int32 size prefix) and hands it on in parts of at most {@value #MAX_PIECES} memory
 * pieces. A fetch response links every record value from the mapped CommitLog, so it is one buffer of thousands of
 * pieces; the native transport gathers a buffer into one write(2) only up to IOV_MAX (1024) pieces and copies
 * anything larger into a fresh buffer first, which is the copy linking the values avoids. Stateless, shared.
 */
@ChannelHandler.Sharable
final class ResponseFrameEncoder extends MessageToMessageEncoder<ByteBuf> {
    static final ResponseFrameEncoder INSTANCE = new ResponseFrameEncoder();
    /** Pieces per part: well under IOV_MAX, so no part is copied. */
    static final int MAX_PIECES = 512;

    private ResponseFrameEncoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        out.add(ctx.alloc().ioBuffer(RequestFrameDecoder.SIZE_FIELD).writeInt(payload.readableBytes()));
        split(payload, out);
    }

    /**
     * Adds {@code payload} to {@code out}, retained: whole, or when it is a composite of more than {@link
     * #MAX_PIECES} pieces as new composites of at most that many of its pieces each.
     */
    static void split(ByteBuf payload, List<Object> out) {
        if (!(payload instanceof CompositeByteBuf composite) || composite.numComponents() <= MAX_PIECES) {
            out.add(payload.retain());
            return;
        }
        List<ByteBuf> pieces = composite.decompose(composite.readerIndex(), composite.readableBytes());
        for (int from = 0; from < pieces.size(); from += MAX_PIECES) {
            List<ByteBuf> chunk = pieces.subList(from, Math.min(pieces.size(), from + MAX_PIECES));
            CompositeByteBuf part = composite.alloc().compositeBuffer(chunk.size());
            for (ByteBuf piece : chunk) {
                part.addComponent(true, piece.retain());
            }
            out.add(part);
        }
    }
}
