package io.ternmq.kafka.mapping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.ternmq.kafka.record.KafkaRecord;
import io.ternmq.kafka.record.RecordHeader;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Record batches written and read by kafka-clients' own classes, the reference our batches are checked against. */
final class KafkaClientsReads {
    private KafkaClientsReads() {
    }

    /** A produce batch as kafka-clients' producer builds it (producer id 99, epoch 0, base sequence 0). */
    static ByteBuf kafkaClientsBatch(List<KafkaRecord> records, Compression compression) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1 << 20), (byte) 2, compression,
                TimestampType.CREATE_TIME, 0L, -1L, 99L, (short) 0, 0, false, -1);
        for (KafkaRecord r : records) {
            builder.append(r.timestamp(), r.key(), r.value(), r.headers().stream()
                    .map(h -> new org.apache.kafka.common.header.internals.RecordHeader(h.key(), h.value()))
                    .toArray(Header[]::new));
        }
        return Unpooled.wrappedBuffer(builder.build().buffer());
    }

    /** The batches of a fetch, each CRC-checked ({@code ensureValid}), in order. */
    static List<MutableRecordBatch> batches(ByteBuf batches) {
        List<MutableRecordBatch> out = new ArrayList<>();
        for (MutableRecordBatch batch : MemoryRecords.readableRecords(ByteBuffer.wrap(ByteBufUtil.getBytes(batches)))
                .batches()) {
            batch.ensureValid();
            out.add(batch);
        }
        return out;
    }

    /** The records of CRC-checked batches, asserting consecutive offsets from {@code firstOffset}. */
    static List<KafkaRecord> readWithKafkaClients(ByteBuf batches, long firstOffset) {
        List<KafkaRecord> out = new ArrayList<>();
        long expected = firstOffset;
        for (MutableRecordBatch batch : batches(batches)) {
            for (Record r : batch) {
                assertEquals(expected++, r.offset());
                out.add(fromKafka(r));
            }
        }
        return out;
    }

    static KafkaRecord fromKafka(Record r) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            headers.add(new RecordHeader(h.key(), h.value()));
        }
        return new KafkaRecord(r.timestamp(), r.hasKey() ? bytes(r.key()) : null, r.hasValue() ? bytes(r.value()) : null,
                headers);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
