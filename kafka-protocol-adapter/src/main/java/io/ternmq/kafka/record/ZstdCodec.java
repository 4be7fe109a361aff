package io.ternmq.kafka.record;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Standard zstd frames through zstd-jni (native library from its jar), level 3 like Kafka's default. The
 * decoder's window is zstd's default limit (2^27 bytes), so a frame cannot make it reserve more native memory.
 */
final class ZstdCodec extends CompressionCodec {
    private static final int LEVEL = 3;

    @Override
    void compress(ByteBuf src, ByteBuf dst) {
        try (ZstdOutputStreamNoFinalizer out = new ZstdOutputStreamNoFinalizer(new ByteBufOutputStream(dst), LEVEL)) {
            src.readBytes(out, src.readableBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("zstd into a memory buffer failed", e);
        }
    }

    @Override
    void decompress(ByteBuf src, ByteBuf dst, int maxBytes) throws InvalidBatchException {
        try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(new ByteBufInputStream(src))) {
            drainBounded(in, dst, maxBytes);
        } catch (IOException | RuntimeException e) {
            throw corrupt("zstd", e);
        }
    }
}
