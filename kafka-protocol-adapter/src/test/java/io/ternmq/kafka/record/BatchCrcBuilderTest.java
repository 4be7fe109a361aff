package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checksum-only batch agrees with the batch the writer builds, for every record shape. */
class BatchCrcBuilderTest {
    private record Rec(long timestamp, byte[] key, byte[] value, List<RecordHeader> headers) {
    }

    private static final List<Rec> SHAPES = List.of(
            new Rec(1_700_000_000_000L, null, bytes(1024, 7), List.of()),
            new Rec(1_700_000_000_005L, "order-1".getBytes(StandardCharsets.UTF_8), bytes(3, 1), List.of()),
            new Rec(1_699_999_999_990L, new byte[0], null, List.of()), // earlier than the first, empty key, null value
            new Rec(1_700_000_000_001L, null, new byte[0], List.of(
                    new RecordHeader("trace", "x".getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("größe", null),
                    new RecordHeader("", new byte[0]))),
            new Rec(1_700_000_000_002L, bytes(300, 3), bytes(20_000, 9), List.of(new RecordHeader("k", bytes(200, 5)))));

    @Test
    void theChecksumIsTheCrcOfTheBatchTheWriterBuilds() {
        for (int n = 1; n <= SHAPES.size(); n++) {
            List<Rec> records = SHAPES.subList(0, n);
            BatchSpec spec = BatchSpec.of(0, CompressionType.NONE);
            ByteBuf built = Unpooled.buffer();
            RecordBatchWriter writer = new RecordBatchWriter(built, spec);
            long max = -1;
            for (Rec r : records) {
                append(writer, r);
                max = Math.max(max, r.timestamp());
            }
            writer.finish();
            BatchCrcBuilder crc = new BatchCrcBuilder(spec, n, records.get(0).timestamp(), max);
            records.forEach(r -> append(crc, r));
            RecordBatch batch = new RecordBatch(built);
            assertEquals((int) batch.crc(), crc.crc(), n + " records");
            assertEquals(true, batch.isCrcValid());
        }
    }

    @Test
    void producerFieldsAreCovered() {
        BatchSpec spec = BatchSpec.of(0, CompressionType.NONE).withProducer(42, (short) 3, 17);
        Rec r = SHAPES.get(1);
        ByteBuf built = Unpooled.buffer();
        RecordBatchWriter writer = new RecordBatchWriter(built, spec);
        append(writer, r);
        writer.finish();
        BatchCrcBuilder crc = new BatchCrcBuilder(spec, 1, r.timestamp(), r.timestamp());
        append(crc, r);
        assertEquals((int) new RecordBatch(built).crc(), crc.crc());
    }

    @Test
    void appendsThatDoNotMatchTheDeclaredHeaderAreRefused() {
        BatchSpec spec = BatchSpec.of(0, CompressionType.NONE);
        Rec r = SHAPES.get(0);
        BatchCrcBuilder tooFew = new BatchCrcBuilder(spec, 2, r.timestamp(), r.timestamp());
        append(tooFew, r);
        assertThrows(IllegalStateException.class, tooFew::crc);
        BatchCrcBuilder wrongMax = new BatchCrcBuilder(spec, 1, r.timestamp(), r.timestamp() + 1);
        append(wrongMax, r);
        assertThrows(IllegalStateException.class, wrongMax::crc);
        assertThrows(IllegalStateException.class,
                () -> append(new BatchCrcBuilder(spec, 1, r.timestamp() - 1, r.timestamp()), r));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchCrcBuilder(BatchSpec.of(0, CompressionType.GZIP), 1, 0, 0));
    }

    private static void append(RecordAppender appender, Rec r) {
        appender.append(r.timestamp(), r.key(), 0, r.key() == null ? -1 : r.key().length,
                r.value() == null ? null : ByteBuffer.wrap(r.value()), r.headers());
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }
}
