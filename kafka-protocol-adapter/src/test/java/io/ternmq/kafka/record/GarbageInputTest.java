package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixed-seed fuzzing: mutated valid batches (CRC fixed up so the record decoder and codecs are reached) and
 * plain garbage. The only acceptable failure is {@link InvalidBatchException}; anything else fails the test.
 */
class GarbageInputTest {
    private static final int LIMIT = 4 << 20;

    @Test
    void mutatedBatchesOfEveryCodecOnlyEverFailNarrowly() {
        Random random = new Random(20261101L);
        List<ByteBuf> seeds = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            seeds.add(SampleRecords.write(BatchSpec.of(0, type), SampleRecords.mixed(20, type.id())));
        }
        int rejected = 0;
        for (int round = 0; round < 4000; round++) {
            ByteBuf seed = seeds.get(round % seeds.size());
            ByteBuf mutated = Unpooled.copiedBuffer(seed);
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int at = RecordBatch.ATTRIBUTES + random.nextInt(mutated.readableBytes() - RecordBatch.ATTRIBUTES);
                mutated.setByte(at, random.nextInt(256));
            }
            if (random.nextInt(5) == 0) {
                mutated.writerIndex(RecordBatch.HEADER_SIZE + random.nextInt(mutated.readableBytes() - RecordBatch.HEADER_SIZE));
                mutated.setInt(RecordBatch.BATCH_LENGTH, mutated.readableBytes() - RecordBatch.LOG_OVERHEAD);
            }
            SampleRecords.fixCrc(mutated, 0, mutated.readableBytes());
            rejected += readFully(mutated) ? 0 : 1;
        }
        assertTrue(rejected > 1000, "most mutations must be caught, got " + rejected);
    }

    @Test
    void randomGarbageOnlyEverFailsNarrowly() {
        Random random = new Random(7L);
        for (int round = 0; round < 3000; round++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            if (garbage.length > RecordBatch.MAGIC && random.nextBoolean()) {
                garbage[RecordBatch.MAGIC] = 2; // get past the magic check more often
            }
            readFully(Unpooled.wrappedBuffer(garbage));
        }
    }

    /** @return true when every batch read cleanly */
    private static boolean readFully(ByteBuf bytes) {
        try {
            RecordBatchReader reader = new RecordBatchReader(bytes);
            for (RecordBatch batch = reader.next(); batch != null; batch = reader.next()) {
                batch.checkForProduce();
                batch.records(LIMIT);
            }
            return true;
        } catch (InvalidBatchException expected) {
            return false;
        }
    }
}
