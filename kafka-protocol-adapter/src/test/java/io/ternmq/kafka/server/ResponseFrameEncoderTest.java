package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses go out as size prefix plus payload; a payload of many pieces in parts the socket can gather. */
class ResponseFrameEncoderTest {
    @Test
    void aPayloadOfFewPiecesGoesOutWholeAfterItsSize() {
        EmbeddedChannel channel = new EmbeddedChannel(ResponseFrameEncoder.INSTANCE);
        ByteBuf payload = Unpooled.directBuffer().writeBytes(new byte[] {1, 2, 3});
        channel.writeOutbound(payload);
        ByteBuf size = channel.readOutbound();
        assertEquals(3, size.readInt());
        size.release();
        ByteBuf body = channel.readOutbound();
        assertEquals("010203", ByteBufUtil.hexDump(body));
        body.release();
        assertNull(channel.readOutbound());
        assertEquals(0, payload.refCnt());
    }

    @Test
    void aPayloadOfManyPiecesGoesOutInPartsOfAtMostTheLimitWithTheSameBytes() {
        EmbeddedChannel channel = new EmbeddedChannel(ResponseFrameEncoder.INSTANCE);
        int pieces = ResponseFrameEncoder.MAX_PIECES * 3 + 7;
        CompositeByteBuf payload = Unpooled.compositeBuffer(pieces);
        ByteBuf expected = Unpooled.buffer();
        for (int i = 0; i < pieces; i++) {
            byte[] piece = new byte[1 + i % 5];
            java.util.Arrays.fill(piece, (byte) i);
            payload.addComponent(true, Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(piece.length).put(piece).flip()));
            expected.writeBytes(piece);
        }
        channel.writeOutbound(payload);

        ByteBuf size = channel.readOutbound();
        assertEquals(expected.readableBytes(), size.readInt());
        size.release();
        ByteBuf sent = Unpooled.buffer();
        int parts = 0;
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            assertTrue(part.nioBufferCount() <= ResponseFrameEncoder.MAX_PIECES, "part " + parts);
            sent.writeBytes(part);
            part.release();
            parts++;
        }
        assertEquals(4, parts);
        assertTrue(ByteBufUtil.equals(expected, sent));
        assertEquals(0, payload.refCnt(), "every part released frees the payload");
    }
}
