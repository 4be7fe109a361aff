package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our batches against kafka-clients 4.4.0's own MemoryRecords, both directions, every codec. */
class KafkaClientsCrossCheckTest {
    private static final int LIMIT = 64 << 20;

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void kafkaClientsReadTheBatchWeWrite(CompressionType type) {
        List<KafkaRecord> records = SampleRecords.mixed(300, type.ordinal());
        BatchSpec spec = BatchSpec.of(1234, type).withProducer(77, (short) 3, 1000).withLeaderEpoch(9);
        ByteBuf ours = SampleRecords.write(spec, records);

        MemoryRecords theirs = MemoryRecords.readableRecords(ByteBuffer.wrap(ByteBufUtil.getBytes(ours)));
        Iterator<MutableRecordBatch> batches = theirs.batches().iterator();
        MutableRecordBatch batch = batches.next();
        assertFalse(batches.hasNext());
        batch.ensureValid();
        assertEquals(type.id(), batch.compressionType().id);
        assertEquals(1234, batch.baseOffset());
        assertEquals(1234 + records.size() - 1, batch.lastOffset());
        assertEquals(77, batch.producerId());
        assertEquals(3, batch.producerEpoch());
        assertEquals(1000, batch.baseSequence());
        assertEquals(9, batch.partitionLeaderEpoch());
        assertEquals(records.stream().mapToLong(KafkaRecord::timestamp).max().orElseThrow(), batch.maxTimestamp());
        assertEquals(org.apache.kafka.common.record.TimestampType.CREATE_TIME, batch.timestampType());
        List<KafkaRecord> readBack = new ArrayList<>();
        long expectedOffset = 1234;
        for (Record r : batch) {
            assertEquals(expectedOffset++, r.offset());
            readBack.add(fromKafka(r));
        }
        assertEquals(records, readBack);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void weReadTheBatchKafkaClientsWrite(CompressionType type) throws InvalidBatchException {
        List<KafkaRecord> records = SampleRecords.mixed(300, 100 + type.ordinal());
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        MemoryRecordsBuilder builder = MemoryRecords.builder(buffer, (byte) 2, compression(type),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0L, -1L, 4242L, (short) 1, 17, false, -1);
        for (KafkaRecord r : records) {
            builder.append(r.timestamp(), r.key(), r.value(), r.headers().stream()
                    .map(h -> new org.apache.kafka.common.header.internals.RecordHeader(h.key(), h.value()))
                    .toArray(Header[]::new));
        }
        ByteBuffer built = builder.build().buffer();

        RecordBatch batch = RecordBatchReader.readProduceBatch(Unpooled.wrappedBuffer(built));
        assertEquals(type, batch.compressionType());
        assertEquals(4242, batch.producerId());
        assertEquals(1, batch.producerEpoch());
        assertEquals(17, batch.baseSequence());
        assertEquals(16 + records.size(), batch.lastSequence());
        assertEquals(records.size(), batch.recordCount());
        assertEquals(records, batch.records(LIMIT));
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void logAppendTimeBatchGivesEveryRecordTheAppendTime(CompressionType type) throws InvalidBatchException {
        List<KafkaRecord> records = SampleRecords.mixed(5, 7);
        ByteBuf ours = SampleRecords.write(BatchSpec.of(0, type).withLogAppendTime(42_000L), records);

        MutableRecordBatch batch = MemoryRecords.readableRecords(ByteBuffer.wrap(ByteBufUtil.getBytes(ours)))
                .batches().iterator().next();
        assertEquals(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, batch.timestampType());
        for (Record r : batch) {
            assertEquals(42_000L, r.timestamp());
        }
        RecordBatch mine = new RecordBatchReader(ours).next();
        assertTrue(mine.records(LIMIT).stream().allMatch(r -> r.timestamp() == 42_000L));
    }

    static Compression compression(CompressionType type) {
        return switch (type) {
            case NONE -> Compression.NONE;
            case GZIP -> Compression.gzip().build();
            case SNAPPY -> Compression.snappy().build();
            case LZ4 -> Compression.lz4().build();
            case ZSTD -> Compression.zstd().build();
        };
    }

    static KafkaRecord fromKafka(Record r) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            headers.add(new RecordHeader(h.key(), h.value()));
        }
        return new KafkaRecord(r.timestamp(), r.hasKey() ? bytes(r.key()) : null,
                r.hasValue() ? bytes(r.value()) : null, headers);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
