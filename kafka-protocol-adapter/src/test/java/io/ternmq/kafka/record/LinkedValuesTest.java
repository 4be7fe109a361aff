package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches whose values are linked, not copied, are byte for byte the batches a copying writer builds. */
class LinkedValuesTest {
    @Test
    void linkedBatchesEqualCopiedOnesWithComputedOrKnownCrcAndAbandonedBatchesLeaveNothing() {
        ByteBuf copied = Unpooled.buffer();
        writeBatches(copied, null);
        LinkedValues links = new LinkedValues();
        ByteBuf written = Unpooled.buffer();
        writeBatches(written, links);
        ByteBuf linked = links.assemble(written, UnpooledByteBufAllocator.DEFAULT);
        try {
            assertEquals(ByteBufUtil.hexDump(copied), ByteBufUtil.hexDump(linked));
            int firstSize = RecordBatch.LOG_OVERHEAD + linked.getInt(8);
            assertTrue(new RecordBatch(linked.slice(0, firstSize)).isCrcValid(),
                    "the computed CRC counts the linked values");
        } finally {
            linked.release();
        }
    }

    @Test
    void compressedBatchesCannotLinkValues() {
        assertThrows(IllegalArgumentException.class, () -> new RecordBatchWriter(Unpooled.buffer(),
                BatchSpec.of(0, CompressionType.GZIP), new LinkedValues()));
    }

    /** A batch finished with a computed CRC, an abandoned one, and one finished with the CRC of the first. */
    private static void writeBatches(ByteBuf out, LinkedValues links) {
        RecordBatchWriter first = new RecordBatchWriter(out, BatchSpec.of(10, CompressionType.NONE), links);
        append(first, "a");
        first.finish();
        int crc = out.getInt(RecordBatch.CRC);
        RecordBatchWriter dropped = new RecordBatchWriter(out, BatchSpec.of(20, CompressionType.NONE), links);
        append(dropped, "dropped");
        dropped.abandon();
        RecordBatchWriter again = new RecordBatchWriter(out, BatchSpec.of(30, CompressionType.NONE), links);
        append(again, "a");
        again.finishWithCrc(crc);
    }

    private static void append(RecordBatchWriter writer, String prefix) {
        for (int i = 0; i < 5; i++) {
            byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
            ByteBuffer value = ByteBuffer.wrap((prefix + "-value-" + i).getBytes(StandardCharsets.UTF_8));
            writer.append(1_000L + i, key, 0, key.length, i == 2 ? null : value,
                    List.of(new RecordHeader("h", new byte[] {(byte) i})));
        }
    }
}
