package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Framing of Kafka requests: int32 size prefix, limits enforced before allocation. */
class RequestFrameDecoderTest {

    private static ByteBuf frame(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    private static String read(EmbeddedChannel channel) {
        ByteBuf frame = channel.readInbound();
        try {
            return frame.toString(StandardCharsets.US_ASCII);
        } finally {
            frame.release();
        }
    }

    @Test
    void anIncompleteFrameWaitsAndTwoFramesInOneReadComeOutSeparately() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestFrameDecoder(1024));
        ByteBuf bytes = Unpooled.buffer().writeBytes(frame("first")).writeBytes(frame("second"));
        channel.writeInbound(bytes.readRetainedSlice(3));
        assertNull(channel.readInbound(), "size prefix incomplete");
        channel.writeInbound(bytes.readRetainedSlice(5));
        assertNull(channel.readInbound(), "payload incomplete");
        channel.writeInbound(bytes.readRetainedSlice(bytes.readableBytes()));
        bytes.release();
        assertEquals("first", read(channel));
        assertEquals("second", read(channel));
        assertFalse(channel.finish());
    }

    @Test
    void anEmptyFrameIsAFrame() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestFrameDecoder(1024));
        channel.writeInbound(Unpooled.buffer().writeInt(0));
        assertEquals("", read(channel));
    }

    @Test
    void aSizeAboveTheLimitFailsWithoutWaitingForTheBytes() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestFrameDecoder(1024));
        // announces 1025 bytes but sends 4: the decoder must fail now, not buffer up to the announced size
        assertThrows(TooLongFrameException.class,
                () -> channel.writeInbound(Unpooled.buffer().writeInt(1025).writeInt(7)));
        // the rest of the stream is ignored
        channel.writeInbound(frame("ok"));
        assertNull(channel.readInbound());
    }

    @Test
    void aSizeNearIntMaxDoesNotOverflowTheCompletenessCheck() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestFrameDecoder(Integer.MAX_VALUE));
        channel.writeInbound(Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeInt(1));
        assertNull(channel.readInbound());
        channel.finishAndReleaseAll();
    }

    @Test
    void aNegativeSizeFails() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestFrameDecoder(1024));
        assertThrows(CorruptedFrameException.class, () -> channel.writeInbound(Unpooled.buffer().writeInt(-1)));
    }
}
