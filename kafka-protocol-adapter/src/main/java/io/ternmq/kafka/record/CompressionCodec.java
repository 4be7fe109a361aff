package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.io.IOException;
import java.io.InputStream;

/**
 * One compression codec of the records section. Implementations are stateless and thread-safe.
 *
 * <p>{@link #decompress} never writes more than {@code maxBytes} (plus one codec block) into {@code dst}: a
 * stream that would expand further fails with {@link BatchStatus#DECOMPRESSED_TOO_LARGE}, and anything the codec
 * library rejects becomes {@link BatchStatus#CORRUPT}.
 */
abstract class CompressionCodec {
    private static final int STREAM_CHUNK = 64 * 1024;

    /** Compresses the readable bytes of {@code src} (consuming them) and appends the result to {@code dst}. */
    abstract void compress(ByteBuf src, ByteBuf dst);

    /** Decompresses the readable bytes of {@code src} (consuming them) and appends the result to {@code dst}. */
    abstract void decompress(ByteBuf src, ByteBuf dst, int maxBytes) throws InvalidBatchException;

    /** Copies a decompressing stream into {@code dst}, failing as soon as it yields more than {@code maxBytes}. */
    static void drainBounded(InputStream in, ByteBuf dst, int maxBytes) throws IOException, InvalidBatchException {
        long total = 0;
        while (true) {
            int ask = (int) Math.min(STREAM_CHUNK, maxBytes - total + 1);
            int n = dst.writeBytes(in, ask);
            if (n < 0) {
                return;
            }
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
    }

    static InvalidBatchException tooLarge(int maxBytes) {
        return new InvalidBatchException(BatchStatus.DECOMPRESSED_TOO_LARGE,
                "records decompress to more than " + maxBytes + " bytes");
    }

    static InvalidBatchException corrupt(String codec, Throwable cause) {
        return new InvalidBatchException(BatchStatus.CORRUPT, "bad " + codec + " data: " + cause);
    }

    /** The readable bytes of a buffer as an array region: the backing array when there is one, else a copy. */
    record ArrayRegion(byte[] array, int offset, int length) {
        static ArrayRegion of(ByteBuf buf) {
            if (buf.hasArray()) {
                return new ArrayRegion(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
            }
            return new ArrayRegion(ByteBufUtil.getBytes(buf), 0, buf.readableBytes());
        }
    }

    /**
     * Runs an array-based compressor against a heap destination: {@code dst} itself when it has an array, else a
     * temporary heap buffer copied into it afterwards.
     */
    static void compressViaHeap(ByteBuf src, ByteBuf dst, java.util.function.BiConsumer<ByteBuf, ByteBuf> compressor) {
        if (dst.hasArray()) {
            compressor.accept(src, dst);
            return;
        }
        ByteBuf heap = dst.alloc().heapBuffer(src.readableBytes() / 2 + 64);
        try {
            compressor.accept(src, heap);
            dst.writeBytes(heap);
        } finally {
            heap.release();
        }
    }

    /** Makes room for {@code length} bytes at the writer index of a heap buffer and returns where they start. */
    static int reserveArrayRoom(ByteBuf dst, int length) {
        dst.ensureWritable(length);
        return dst.arrayOffset() + dst.writerIndex();
    }
}
