package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The produce checks and the batch walk over complete, concatenated and cut-off RECORDS bytes. */
class BatchValidationTest {
    private static final List<KafkaRecord> RECORDS = SampleRecords.mixed(10, 1);

    private static BatchStatus produceStatus(ByteBuf records) {
        return assertThrows(InvalidBatchException.class, () -> RecordBatchReader.readProduceBatch(records)).status();
    }

    @Test
    void aValidProduceBatchPasses() throws InvalidBatchException {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.LZ4).withProducer(5, (short) 0, 0), RECORDS);
        assertEquals(RECORDS, RecordBatchReader.readProduceBatch(buf).records(1 << 20));
    }

    @Test
    void aFlippedBitIsCorrupt() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        buf.setByte(100, buf.getByte(100) ^ 0x10);
        assertEquals(BatchStatus.CORRUPT, produceStatus(buf));
    }

    @Test
    void magicOtherThanTwoIsRefused() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        buf.setByte(RecordBatch.MAGIC, 1);
        assertEquals(BatchStatus.UNSUPPORTED_MAGIC, produceStatus(buf));
    }

    @Test
    void unknownCompressionIdIsUnsupported() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        buf.setShort(RecordBatch.ATTRIBUTES, 5);
        SampleRecords.fixCrc(buf, 0, buf.readableBytes());
        assertEquals(BatchStatus.UNSUPPORTED_COMPRESSION, produceStatus(buf));
    }

    @Test
    void recordCountThatDisagreesWithLastOffsetDeltaIsInvalid() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        buf.setInt(RecordBatch.LAST_OFFSET_DELTA, RECORDS.size());
        SampleRecords.fixCrc(buf, 0, buf.readableBytes());
        assertEquals(BatchStatus.INVALID_RECORD, produceStatus(buf));
    }

    @Test
    void producerIdWithoutSequenceIsInvalid() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE).withProducer(9, (short) 0, -1), RECORDS);
        assertEquals(BatchStatus.INVALID_RECORD, produceStatus(buf));
    }

    @Test
    void nonZeroBaseOffsetFromAClientIsInvalid() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(3, CompressionType.NONE), RECORDS);
        assertEquals(BatchStatus.INVALID_RECORD, produceStatus(buf));
    }

    @Test
    void aControlBatchFromAClientIsRefused() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        MemoryRecordsBuilder builder = MemoryRecords.builder(buffer, (byte) 2, Compression.NONE,
                TimestampType.CREATE_TIME, 0L, -1L, 11L, (short) 0, 0, true, true, -1);
        builder.appendEndTxnMarker(1000L, new EndTransactionMarker(ControlRecordType.COMMIT, 0));
        ByteBuf buf = Unpooled.wrappedBuffer(builder.build().buffer());
        assertEquals(BatchStatus.INVALID_RECORD, produceStatus(buf));
    }

    @Test
    void truncatedBatchIsCorruptOnProduce() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        assertEquals(BatchStatus.CORRUPT, produceStatus(buf.slice(0, buf.readableBytes() - 1)));
        assertEquals(BatchStatus.CORRUPT, produceStatus(buf.slice(0, 20)));
    }

    @Test
    void batchLengthBelowTheHeaderIsCorrupt() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        buf.setInt(RecordBatch.BATCH_LENGTH, 10);
        assertEquals(BatchStatus.CORRUPT, produceStatus(buf));
    }

    @Test
    void twoBatchesInOneProduceAreInvalid() {
        ByteBuf buf = Unpooled.wrappedBuffer(SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS),
                SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS));
        assertEquals(BatchStatus.INVALID_RECORD, produceStatus(buf));
    }

    @Test
    void recordLengthsThatDoNotAddUpAreCorruptEvenWithAGoodCrc() {
        ByteBuf buf = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE),
                List.of(KafkaRecord.of(1L, SampleRecords.utf8("k"), SampleRecords.utf8("value"))));
        buf.setByte(RecordBatch.HEADER_SIZE, 100); // first record's length varint: 50 bytes, more than there are
        SampleRecords.fixCrc(buf, 0, buf.readableBytes());
        InvalidBatchException e = assertThrows(InvalidBatchException.class,
                () -> RecordBatchReader.readProduceBatch(buf).records(1 << 20));
        assertEquals(BatchStatus.CORRUPT, e.status());
    }

    @Test
    void concatenatedBatchesAreReadInOrderAndACutOffTailIsLeftOver() throws InvalidBatchException {
        ByteBuf first = SampleRecords.write(BatchSpec.of(0, CompressionType.GZIP), RECORDS.subList(0, 3));
        ByteBuf second = SampleRecords.write(BatchSpec.of(3, CompressionType.ZSTD), RECORDS.subList(3, 6));
        ByteBuf third = SampleRecords.write(BatchSpec.of(6, CompressionType.NONE), RECORDS.subList(6, 10));
        int cut = third.readableBytes() / 2;
        ByteBuf fetched = Unpooled.wrappedBuffer(first, second, third.slice(0, cut));

        RecordBatchReader reader = new RecordBatchReader(fetched);
        RecordBatch a = reader.next();
        RecordBatch b = reader.next();
        assertNotNull(b);
        assertNull(reader.next());
        assertEquals(cut, reader.remainingBytes());
        assertEquals(RECORDS.subList(0, 3), a.records(1 << 20));
        assertEquals(3, b.baseOffset());
        assertEquals(RECORDS.subList(3, 6), b.records(1 << 20));
        assertEquals(0, fetched.readerIndex(), "the reader leaves the buffer's indexes alone");
    }

    @Test
    void aTailShorterThanTheLengthPrefixIsLeftOver() throws InvalidBatchException {
        ByteBuf one = SampleRecords.write(BatchSpec.of(0, CompressionType.NONE), RECORDS);
        RecordBatchReader reader = new RecordBatchReader(Unpooled.wrappedBuffer(one, Unpooled.wrappedBuffer(new byte[7])));
        assertNotNull(reader.next());
        assertNull(reader.next());
        assertEquals(7, reader.remainingBytes());
    }
}
