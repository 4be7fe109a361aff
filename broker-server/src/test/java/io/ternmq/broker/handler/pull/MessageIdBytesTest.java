package io.ternmq.broker.handler.pull;

import io.ternmq.broker.store.read.MessageIds;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bytes written for an id are the wire string of the id {@link MessageIds} makes. */
class MessageIdBytesTest {
    @Test
    void writesTheSameIdAsMessageIdsForEdgeAndOrdinaryValues() {
        long[] offsets = {0, 1, 0xF, 0x10, 123_456_789_012L, 1L << 40, Long.MAX_VALUE, -1L};
        int[] indexes = {0, 1, 15, 16, 255, 1023, Integer.MAX_VALUE};
        for (long offset : offsets) {
            for (int index : indexes) {
                ByteBuffer out = ByteBuffer.allocate(MessageIdBytes.WIRE_SIZE + 3).position(3);

                MessageIdBytes.put(out, offset, index);

                assertEquals(3 + MessageIdBytes.WIRE_SIZE, out.position());
                assertEquals(MessageIds.LENGTH, out.getShort(3));
                String id = new String(out.array(), 5, MessageIds.LENGTH, StandardCharsets.US_ASCII);
                assertEquals(MessageIds.of(offset, index), id, offset + "/" + index);
            }
        }
    }
}
