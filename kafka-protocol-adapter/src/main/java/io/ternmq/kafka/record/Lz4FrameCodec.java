package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * LZ4 in the standard LZ4 frame format, as Kafka (magic 2) writes and reads it, framed here around lz4-java's
 * block compressor and xxHash32. Little-endian:
 * <pre>
 * int32  magic 0x184D2204
 * byte   FLG: bits 7-6 version = 01, bit 5 block independence (required), bit 4 block checksums,
 *             bit 3 content size present, bit 2 content checksum present, bit 1 reserved 0, bit 0 dictionary id
 * byte   BD:  bits 6-4 block max size: 4 = 64 KiB, 5 = 256 KiB, 6 = 1 MiB, 7 = 4 MiB
 * [int64 content size, when FLG bit 3]
 * byte   HC = (xxhash32(FLG .. end of descriptor, seed 0) &gt;&gt; 8) &amp; 0xFF
 * blocks: int32 size (bit 31 set = stored uncompressed) + data [+ int32 block checksum when FLG bit 4]
 * int32  0 end mark [+ int32 content checksum when FLG bit 2]
 * </pre>
 * Written: FLG 0x60 (version 01, independent blocks, nothing optional), BD 0x40 (64 KiB blocks); a block that
 * does not shrink is stored raw. Read: the optional fields are skipped, not verified (as Kafka does); the header
 * checksum is verified; dependent blocks and dictionaries are refused.
 */
final class Lz4FrameCodec extends CompressionCodec {
    private static final int MAGIC = 0x184D2204;
    private static final int FLG_VERSION_MASK = 0xC0;
    private static final int FLG_VERSION_01 = 0x40;
    private static final int FLG_BLOCK_INDEPENDENT = 0x20;
    private static final int FLG_BLOCK_CHECKSUM = 0x10;
    private static final int FLG_CONTENT_SIZE = 0x08;
    private static final int FLG_CONTENT_CHECKSUM = 0x04;
    private static final int FLG_RESERVED = 0x02;
    private static final int FLG_DICTIONARY_ID = 0x01;
    private static final int BD_64KB = 4 << 4;
    private static final int WRITE_BLOCK_SIZE = 64 * 1024;
    private static final int UNCOMPRESSED_BIT = 0x80000000;

    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();
    private static final XXHash32 XXHASH = XXHashFactory.fastestInstance().hash32();

    @Override
    void compress(ByteBuf src, ByteBuf dst) {
        compressViaHeap(src, dst, Lz4FrameCodec::compressFrame);
    }

    private static void compressFrame(ByteBuf src, ByteBuf dst) {
        ArrayRegion in = ArrayRegion.of(src);
        int flg = FLG_VERSION_01 | FLG_BLOCK_INDEPENDENT;
        byte[] descriptor = {(byte) flg, (byte) BD_64KB};
        dst.writeIntLE(MAGIC).writeBytes(descriptor).writeByte(headerChecksum(descriptor, 0, descriptor.length));
        for (int pos = 0; pos < in.length(); pos += WRITE_BLOCK_SIZE) {
            int length = Math.min(WRITE_BLOCK_SIZE, in.length() - pos);
            int sizeIndex = dst.writerIndex();
            dst.writeIntLE(0);
            int room = COMPRESSOR.maxCompressedLength(length);
            int at = reserveArrayRoom(dst, room);
            int written = COMPRESSOR.compress(in.array(), in.offset() + pos, length, dst.array(), at, room);
            if (written >= length) {
                System.arraycopy(in.array(), in.offset() + pos, dst.array(), at, length);
                dst.setIntLE(sizeIndex, length | UNCOMPRESSED_BIT);
                written = length;
            } else {
                dst.setIntLE(sizeIndex, written);
            }
            dst.writerIndex(dst.writerIndex() + written);
        }
        dst.writeIntLE(0);
        src.skipBytes(src.readableBytes());
    }

    @Override
    void decompress(ByteBuf src, ByteBuf dst, int maxBytes) throws InvalidBatchException {
        ArrayRegion in = ArrayRegion.of(src);
        src.skipBytes(src.readableBytes());
        try {
            readFrame(in, dst, maxBytes);
        } catch (RuntimeException e) {
            throw corrupt("lz4", e);
        }
    }

    private static void readFrame(ArrayRegion in, ByteBuf dst, int maxBytes) throws InvalidBatchException {
        byte[] a = in.array();
        int pos = in.offset();
        int end = in.offset() + in.length();
        need(pos, 7, end, "frame header");
        if (intLE(a, pos) != MAGIC) {
            throw bad("not an LZ4 frame (magic " + Integer.toHexString(intLE(a, pos)) + ")");
        }
        int flg = a[pos + 4] & 0xFF;
        int bd = a[pos + 5] & 0xFF;
        if ((flg & FLG_VERSION_MASK) != FLG_VERSION_01 || (flg & FLG_RESERVED) != 0 || (bd & 0x8F) != 0) {
            throw bad("unsupported LZ4 frame descriptor FLG=" + flg + " BD=" + bd);
        }
        if ((flg & FLG_BLOCK_INDEPENDENT) == 0 || (flg & FLG_DICTIONARY_ID) != 0) {
            throw bad("LZ4 frames with dependent blocks or a dictionary are not supported");
        }
        int blockIndex = (bd >> 4) & 0x7;
        if (blockIndex < 4) {
            throw bad("LZ4 block size index " + blockIndex);
        }
        int blockMax = 1 << (8 + 2 * blockIndex);
        int descriptorLength = 2 + ((flg & FLG_CONTENT_SIZE) != 0 ? 8 : 0);
        need(pos + 4, descriptorLength + 1, end, "frame descriptor");
        int checksum = a[pos + 4 + descriptorLength] & 0xFF;
        if (checksum != headerChecksum(a, pos + 4, descriptorLength)) {
            throw bad("LZ4 frame header checksum mismatch");
        }
        pos += 4 + descriptorLength + 1;
        int blockTrailer = (flg & FLG_BLOCK_CHECKSUM) != 0 ? 4 : 0;
        long total = 0;
        while (true) {
            need(pos, 4, end, "block size");
            int size = intLE(a, pos);
            pos += 4;
            if (size == 0) {
                return; // end mark; a content checksum may follow and is not needed
            }
            int length = size & ~UNCOMPRESSED_BIT;
            if (length > blockMax) {
                throw bad("LZ4 block of " + length + " bytes exceeds the frame's " + blockMax);
            }
            need(pos, length + blockTrailer, end, "block");
            int room = (size & UNCOMPRESSED_BIT) != 0 ? length : blockMax;
            int at = reserveArrayRoom(dst, room);
            int written;
            if ((size & UNCOMPRESSED_BIT) != 0) {
                System.arraycopy(a, pos, dst.array(), at, length);
                written = length;
            } else {
                written = DECOMPRESSOR.decompress(a, pos, length, dst.array(), at, blockMax);
            }
            total += written;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            dst.writerIndex(dst.writerIndex() + written);
            pos += length + blockTrailer;
        }
    }

    private static int headerChecksum(byte[] a, int offset, int length) {
        return (XXHASH.hash(a, offset, length, 0) >> 8) & 0xFF;
    }

    private static void need(int pos, int length, int end, String what) throws InvalidBatchException {
        if (length < 0 || end - pos < length) {
            throw bad("truncated LZ4 " + what);
        }
    }

    private static InvalidBatchException bad(String message) {
        return new InvalidBatchException(BatchStatus.CORRUPT, message);
    }

    private static int intLE(byte[] a, int i) {
        return (a[i] & 0xFF) | (a[i + 1] & 0xFF) << 8 | (a[i + 2] & 0xFF) << 16 | (a[i + 3] & 0xFF) << 24;
    }
}
