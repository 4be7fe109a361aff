package io.ternmq.kafka.record;

import com.github.luben.zstd.Zstd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Codec details the cross-check does not reach: raw snappy, bombs, lz4 header checks, native libraries. */
class CompressionTest {

    @Test
    void nativeSnappyAndZstdLibrariesLoadOnThisPlatform() throws IOException {
        assertFalse(Snappy.getNativeLibraryVersion().isEmpty());
        byte[] data = SampleRecords.utf8("hello hello hello hello");
        assertArrayEquals(data, Snappy.uncompress(Snappy.compress(data)));
        assertArrayEquals(data, Zstd.decompress(Zstd.compress(data), data.length));
    }

    @Test
    void aRawUnframedSnappyBatchAsLibrdkafkaWritesItIsRead() throws Exception {
        List<KafkaRecord> records = SampleRecords.mixed(50, 3);
        ByteBuf plain = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), records);
        byte[] section = ByteBufUtil.getBytes(plain, RecordBatch.HEADER_SIZE,
                plain.readableBytes() - RecordBatch.HEADER_SIZE);
        ByteBuf raw = Unpooled.buffer();
        raw.writeBytes(plain, 0, RecordBatch.HEADER_SIZE).writeBytes(Snappy.compress(section));
        raw.setInt(RecordBatch.BATCH_LENGTH, raw.readableBytes() - RecordBatch.LOG_OVERHEAD);
        raw.setShort(RecordBatch.ATTRIBUTES, CompressionType.SNAPPY.id());
        SampleRecords.fixCrc(raw, 0, raw.readableBytes());

        assertEquals(records, RecordBatchReader.readProduceBatch(raw).records(1 << 20));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aDecompressionBombStopsAtTheLimit(CompressionType type) throws InvalidBatchException {
        // 8 records of 1 MiB zeros compress to a few KiB and expand to 8 MiB
        byte[] zeros = new byte[1 << 20];
        List<KafkaRecord> records = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> KafkaRecord.of(1L, null, zeros)).toList();
        ByteBuf bomb = SampleRecords.write(BatchSpec.of(0, type), records);
        assertTrue(bomb.readableBytes() < 1 << 20, type + " compresses zeros: " + bomb.readableBytes());

        RecordBatch batch = RecordBatchReader.readProduceBatch(bomb);
        InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> batch.records(1 << 20));
        assertEquals(BatchStatus.DECOMPRESSED_TOO_LARGE, e.status());
        assertEquals(8, batch.records(9 << 20).size(), "under a large enough limit the same batch reads");
    }

    @Test
    void rawSnappyClaimingAHugeLengthIsRefusedBeforeAllocating() throws Exception {
        // varint 0xFFFFFFFF0F = 4 GiB - 1 announced, then a literal of one byte
        byte[] claim = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 0x00, 0x61};
        ByteBuf dst = Unpooled.buffer();
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> CompressionType.SNAPPY.codec().decompress(Unpooled.wrappedBuffer(claim), dst, 1 << 20));
        assertTrue(e.status() == BatchStatus.DECOMPRESSED_TOO_LARGE || e.status() == BatchStatus.CORRUPT);
        assertTrue(dst.capacity() < 1 << 20);
    }

    @Test
    void lz4FrameHeaderChecksumIsVerified() {
        ByteBuf frame = Unpooled.buffer();
        CompressionType.LZ4.codec().compress(Unpooled.wrappedBuffer(SampleRecords.utf8("abcabcabcabc")), frame);
        assertEquals(0x60, frame.getUnsignedByte(4), "FLG: version 01, independent blocks");
        assertEquals(0x40, frame.getUnsignedByte(5), "BD: 64 KiB blocks");
        frame.setByte(6, frame.getByte(6) ^ 1);
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> CompressionType.LZ4.codec().decompress(frame, Unpooled.buffer(), 1 << 20));
        assertEquals(BatchStatus.CORRUPT, e.status());
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void codecsRoundTripLargeInputsIntoDirectBuffers(CompressionType type) throws InvalidBatchException {
        byte[] data = SampleRecords.bytes(new java.util.Random(5), 300_000);
        ByteBuf compressed = Unpooled.directBuffer();
        type.codec().compress(Unpooled.wrappedBuffer(data), compressed);
        ByteBuf plain = Unpooled.buffer();
        type.codec().decompress(compressed, plain, data.length);
        assertArrayEquals(data, ByteBufUtil.getBytes(plain));
    }
}
