package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.ternmq.kafka.codec.api.FetchApi;
import io.ternmq.kafka.codec.api.ProduceApi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StructTest {

    @Test
    void fieldsAbsentAtAVersionReadAsTheirDefaults() {
        // Fetch v4 has no session id/epoch (v7+) and no rack id (v11+)
        Struct request = new Struct(FetchApi.Request.SCHEMA)
                .set(FetchApi.Request.REPLICA_ID, -1)
                .set(FetchApi.Request.MAX_WAIT_MS, 500)
                .set(FetchApi.Request.SESSION_EPOCH, 42);
        ByteBuf bytes = ResponseEncoder.encodeBody(FetchApi.Request.SCHEMA, FetchApi.SPEC, (short) 4, request,
                UnpooledByteBufAllocator.DEFAULT);
        Struct read = new MessageReader(bytes, "Fetch request", (short) 4, false).readStruct(FetchApi.Request.SCHEMA);
        assertEquals(500, read.get(FetchApi.Request.MAX_WAIT_MS));
        assertEquals(-1, read.get(FetchApi.Request.SESSION_EPOCH), "declared default, not the value we set");
        assertEquals(0x7fffffff, read.get(FetchApi.Request.MAX_BYTES));
        assertEquals("", read.get(FetchApi.Request.RACK_ID));
        assertNull(new Struct(ProduceApi.Request.SCHEMA).get(ProduceApi.Request.TRANSACTIONAL_ID));
    }

    @Test
    void aFieldOfAnotherSchemaIsRefused() {
        Struct produce = new Struct(ProduceApi.Request.SCHEMA);
        assertThrows(IllegalArgumentException.class, () -> produce.get(FetchApi.Request.MAX_WAIT_MS));
    }

    @Test
    void nullInANonNullableFieldIsRefusedOnWrite() {
        Struct produce = new Struct(ProduceApi.Request.SCHEMA).set(ProduceApi.Request.TOPIC_DATA, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResponseEncoder.encodeBody(
                ProduceApi.Request.SCHEMA, ProduceApi.SPEC, (short) 7, produce, UnpooledByteBufAllocator.DEFAULT));
        assertEquals("ProduceRequest v7: field TopicData is null but not nullable at this version", e.getMessage());
    }

    @Test
    void fieldsAreFrozenOnceInASchema() {
        assertThrows(IllegalStateException.class, () -> ProduceApi.Request.ACKS.versions(1));
        assertThrows(IllegalStateException.class, () -> new Schema("Again", ProduceApi.Request.ACKS));
    }

    @Test
    void unsignedVarintRoundTripsAtEveryLengthBoundary() {
        for (int value : new int[] {0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456, -1}) {
            MessageWriter writer = new MessageWriter(UnpooledByteBufAllocator.DEFAULT, "t", (short) 0, true);
            writer.writeUnsignedVarint(value);
            ByteBuf out = writer.finish();
            MessageReader reader = new MessageReader(Unpooled.wrappedBuffer(out), "t", (short) 0, true);
            assertEquals(value, reader.readUnsignedVarint());
            assertEquals(0, reader.remaining());
        }
    }
}
