package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;
import org.xerial.snappy.SnappyErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Snappy through snappy-java's block functions (native library from its jar), with the stream framing done here
 * so every length is checked before anything is allocated.
 *
 * <p>Written: xerial framing, what the Java client's {@code SnappyOutputStream} produces:
 * <pre>
 * 8 bytes  magic 0x82 'S' 'N' 'A' 'P' 'P' 'Y' 0x00
 * int32 BE version 1, int32 BE minimum compatible version 1
 * then per 32 KiB of input: int32 BE compressed length + one raw snappy block
 * </pre>
 * Read: that framing (a repeated header, as concatenated streams carry, is skipped), or, when the magic is
 * absent, one raw unframed snappy block as librdkafka writes. A raw block states its uncompressed length up front,
 * which is checked against the limit before decompressing.
 */
final class SnappyCodec extends CompressionCodec {
    private static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    private static final int HEADER_SIZE = MAGIC.length + 8;
    private static final int BLOCK_SIZE = 32 * 1024;

    @Override
    void compress(ByteBuf src, ByteBuf dst) {
        compressViaHeap(src, dst, SnappyCodec::compressFramed);
    }

    private static void compressFramed(ByteBuf src, ByteBuf dst) {
        ArrayRegion in = ArrayRegion.of(src);
        dst.writeBytes(MAGIC).writeInt(1).writeInt(1);
        try {
            for (int pos = 0; pos < in.length(); pos += BLOCK_SIZE) {
                int length = Math.min(BLOCK_SIZE, in.length() - pos);
                int lengthIndex = dst.writerIndex();
                dst.writeInt(0);
                int at = reserveArrayRoom(dst, Snappy.maxCompressedLength(length));
                int written = Snappy.rawCompress(in.array(), in.offset() + pos, length, dst.array(), at);
                dst.setInt(lengthIndex, written);
                dst.writerIndex(dst.writerIndex() + written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snappy compression failed", e);
        }
        src.skipBytes(src.readableBytes());
    }

    @Override
    void decompress(ByteBuf src, ByteBuf dst, int maxBytes) throws InvalidBatchException {
        ArrayRegion in = ArrayRegion.of(src);
        src.skipBytes(src.readableBytes());
        try {
            if (startsWithMagic(in, 0)) {
                readFramed(in, dst, maxBytes);
            } else {
                uncompressBlock(in.array(), in.offset(), in.length(), dst, maxBytes);
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt("snappy", e);
        } catch (SnappyError e) {
            if (e.errorCode == SnappyErrorCode.FAILED_TO_LOAD_NATIVE_LIBRARY) {
                throw e;
            }
            throw corrupt("snappy", e);
        }
    }

    private static void readFramed(ArrayRegion in, ByteBuf dst, int maxBytes)
            throws IOException, InvalidBatchException {
        int pos = 0;
        int limit = maxBytes;
        while (pos < in.length()) {
            if (startsWithMagic(in, pos)) {
                if (in.length() - pos < HEADER_SIZE) {
                    throw new InvalidBatchException(BatchStatus.CORRUPT, "truncated snappy stream header");
                }
                pos += HEADER_SIZE;
                continue;
            }
            if (in.length() - pos < 4) {
                throw new InvalidBatchException(BatchStatus.CORRUPT, "truncated snappy block length");
            }
            int length = readInt(in.array(), in.offset() + pos);
            pos += 4;
            if (length < 0 || length > in.length() - pos) {
                throw new InvalidBatchException(BatchStatus.CORRUPT, "snappy block length " + length
                        + " exceeds the " + (in.length() - pos) + " bytes left");
            }
            limit -= uncompressBlock(in.array(), in.offset() + pos, length, dst, limit);
            pos += length;
        }
    }

    /** @return bytes written */
    private static int uncompressBlock(byte[] array, int offset, int length, ByteBuf dst, int limit)
            throws IOException, InvalidBatchException {
        if (length == 0) {
            return 0;
        }
        int size = Snappy.uncompressedLength(array, offset, length);
        if (size < 0 || size > limit) {
            throw tooLarge(limit);
        }
        int at = reserveArrayRoom(dst, size);
        int written = Snappy.rawUncompress(array, offset, length, dst.array(), at);
        if (written != size) {
            throw new InvalidBatchException(BatchStatus.CORRUPT, "snappy block decompressed to " + written
                    + " bytes, announced " + size);
        }
        dst.writerIndex(dst.writerIndex() + written);
        return written;
    }

    private static boolean startsWithMagic(ArrayRegion in, int pos) {
        if (in.length() - pos < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (in.array()[in.offset() + pos + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] a, int i) {
        return (a[i] & 0xFF) << 24 | (a[i + 1] & 0xFF) << 16 | (a[i + 2] & 0xFF) << 8 | (a[i + 3] & 0xFF);
    }
}
