package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shared fixtures: records covering null/empty/binary keys and values, duplicate and null headers. */
final class SampleRecords {
    static final long BASE_TIME = 1_700_000_000_000L;

    private SampleRecords() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The awkward cases first, then random ones. */
    static List<KafkaRecord> mixed(int count, long seed) {
        Random random = new Random(seed);
        List<KafkaRecord> records = new ArrayList<>();
        records.add(KafkaRecord.of(BASE_TIME, null, utf8("null key")));
        records.add(KafkaRecord.of(BASE_TIME - 5, new byte[0], null, new RecordHeader("h", null)));
        records.add(KafkaRecord.of(BASE_TIME + 7, new byte[]{(byte) 0xFF, 0, (byte) 0xC3}, new byte[0],
                new RecordHeader("dup", utf8("1")), new RecordHeader("dup", utf8("2")),
                new RecordHeader("", new byte[]{(byte) 0x80})));
        while (records.size() < count) {
            List<RecordHeader> headers = new ArrayList<>();
            for (int h = random.nextInt(4); h > 0; h--) {
                headers.add(new RecordHeader("k" + random.nextInt(3), random.nextInt(5) == 0 ? null : bytes(random, 20)));
            }
            byte[] key = random.nextInt(4) == 0 ? null : bytes(random, 16);
            byte[] value = random.nextInt(10) == 0 ? null : bytes(random, random.nextInt(3) == 0 ? 3000 : 200);
            records.add(new KafkaRecord(BASE_TIME + random.nextInt(100_000) - 50_000, key, value, headers));
        }
        return records;
    }

    /** Compressible random-ish bytes. */
    static byte[] bytes(Random random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 4 : 256));
        }
        return b;
    }

    static ByteBuf write(BatchSpec spec, List<KafkaRecord> records) {
        ByteBuf out = Unpooled.buffer();
        RecordBatchWriter writer = new RecordBatchWriter(out, spec);
        records.forEach(writer::append);
        writer.finish();
        return out;
    }

    /** Rewrites the CRC after a test tampered with the batch at {@code start}. */
    static void fixCrc(ByteBuf buf, int start, int size) {
        buf.setInt(start + RecordBatch.CRC,
                RecordBatch.computeCrc(buf, start + RecordBatch.ATTRIBUTES, size - RecordBatch.ATTRIBUTES));
    }
}
