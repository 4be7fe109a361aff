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
 *
 * <p>Bodies are retained slices of the inbound bytes, except with a {@code gatherBodiesFrom} threshold: a body of
 * at least that many bytes is gathered into a heap array of exactly its size as its bytes arrive (the header is
 * read as soon as it is complete), and handed on as a {@link GatheredBody}. That is one copy of a large body
 * instead of the cumulation's copies (a buffer grown by doubling while the frame trickles in, then a copy out of
 * it), and a decoder that keeps the body as an array ({@link WireReader#restShared()}) copies nothing more. Meant
 * for the client, whose large frames are pull responses decoded into views over one array.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private static final int LENGTH_FIELD = 4;

    private final int maxFrameSize;
    private final int gatherBodiesFrom;
    private boolean failed;

    /** The header of the frame whose body is being gathered; {@code gathering} is null when none is. */
    private int command;
    private int flags;
    private int version;
    private int requestId;
    private int status;
    private byte[] gathering;
    private int gathered;

    /** Bodies stay slices of the inbound bytes (no gathering). */
    public FrameDecoder(int maxFrameSize) {
        this(maxFrameSize, Integer.MAX_VALUE);
    }

    /**
     * @param gatherBodiesFrom bodies of at least this many bytes are gathered into an array of their own
     *                         ({@link Integer#MAX_VALUE}: never)
     */
    public FrameDecoder(int maxFrameSize, int gatherBodiesFrom) {
        if (maxFrameSize < Frame.HEADER_SIZE) {
            throw new IllegalArgumentException("maxFrameSize too small: " + maxFrameSize);
        }
        if (gatherBodiesFrom < 1) {
            throw new IllegalArgumentException("gatherBodiesFrom must be >= 1: " + gatherBodiesFrom);
        }
        this.maxFrameSize = maxFrameSize;
        this.gatherBodiesFrom = gatherBodiesFrom;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (gathering != null) {
            gather(in, out);
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
        int bodyLength = length - Frame.HEADER_SIZE;
        boolean gather = bodyLength >= gatherBodiesFrom;
        // not LENGTH_FIELD + length: that overflows for lengths near Integer.MAX_VALUE when maxFrameSize allows them
        int needed = gather ? Frame.HEADER_SIZE : length;
        if (in.readableBytes() - LENGTH_FIELD < needed) {
            return;
        }
        in.skipBytes(LENGTH_FIELD);
        command = in.readUnsignedShort();
        flags = in.readUnsignedByte();
        version = in.readUnsignedByte();
        requestId = in.readInt();
        status = in.readUnsignedShort();
        if (gather) {
            gathering = new byte[bodyLength]; // the length passed the maxFrameSize check above
            gathered = 0;
            gather(in, out);
            return;
        }
        out.add(new Frame(command, flags, version, requestId, status, in.readRetainedSlice(bodyLength)));
    }

    /** Copies what has arrived of the gathered body; emits the frame once the body is complete. */
    private void gather(ByteBuf in, List<Object> out) {
        int n = Math.min(in.readableBytes(), gathering.length - gathered);
        in.readBytes(gathering, gathered, n);
        gathered += n;
        if (gathered == gathering.length) {
            out.add(new Frame(command, flags, version, requestId, status, new GatheredBody(gathering)));
            gathering = null;
        }
    }
}
