package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.util.List;

/**
 * Splits a Kafka connection's byte stream into request frames. Layout: {@code int32 size} (big-endian, bytes that
 * follow) then {@code size} bytes (request header + body, or a raw SASL token after SaslHandshake v0). Emits each
 * frame's payload, without the size, as a retained slice the next handler must release.
 *
 * <p>Waits without consuming while a frame is incomplete. A negative size or one above {@code maxRequestSize}
 * (Kafka's {@code socket.request.max.bytes}) raises {@link CorruptedFrameException} / {@link TooLongFrameException}
 * before anything is allocated for it and then discards the rest of the stream: after a bad size the stream cannot
 * be resynchronised, so {@link ConnectionGuard} closes the connection.
 *
 * <p>One instance per connection (it is stateful); confined to the connection's event loop.
 */
public final class RequestFrameDecoder extends ByteToMessageDecoder {
    /** Bytes of the size prefix. */
    public static final int SIZE_FIELD = 4;

    private final int maxRequestSize;
    private boolean failed;

    public RequestFrameDecoder(int maxRequestSize) {
        if (maxRequestSize < 1) {
            throw new IllegalArgumentException("maxRequestSize must be positive: " + maxRequestSize);
        }
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < SIZE_FIELD) {
            return;
        }
        int size = in.getInt(in.readerIndex());
        if (size < 0) {
            fail(in);
            throw new CorruptedFrameException("negative request size " + size);
        }
        if (size > maxRequestSize) {
            fail(in);
            throw new TooLongFrameException("request size " + size + " exceeds kafkaMaxRequestSize " + maxRequestSize);
        }
        // subtract rather than add: SIZE_FIELD + size overflows near Integer.MAX_VALUE
        if (in.readableBytes() - SIZE_FIELD < size) {
            return;
        }
        in.skipBytes(SIZE_FIELD);
        out.add(in.readRetainedSlice(size));
    }

    private void fail(ByteBuf in) {
        failed = true;
        in.skipBytes(in.readableBytes());
    }
}
