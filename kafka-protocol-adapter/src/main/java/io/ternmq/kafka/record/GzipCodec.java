package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip (RFC 1952) through the JDK, as Kafka does; 8 KiB stream buffers like the Java client. */
final class GzipCodec extends CompressionCodec {
    private static final int BUFFER = 8 * 1024;

    @Override
    void compress(ByteBuf src, ByteBuf dst) {
        try (GZIPOutputStream out = new GZIPOutputStream(new ByteBufOutputStream(dst), BUFFER)) {
            src.readBytes(out, src.readableBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into a memory buffer failed", e);
        }
    }

    @Override
    void decompress(ByteBuf src, ByteBuf dst, int maxBytes) throws InvalidBatchException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteBufInputStream(src), BUFFER)) {
            drainBounded(in, dst, maxBytes);
        } catch (IOException | RuntimeException e) {
            throw corrupt("gzip", e);
        }
    }
}
