package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.ternmq.protocol.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FrameDecoder with a gathering threshold (the client's): large bodies arrive as arrays of their own. */
class GatheringFrameDecoderTest {
    private static final int MAX_FRAME_SIZE = 4096;
    private static final int GATHER_FROM = 100;

    private final List<ByteBuf> inputs = new ArrayList<>();
    private EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_SIZE, GATHER_FROM));

    @AfterEach
    void nothingIsLeft() {
        assertFalse(decoder.finishAndReleaseAll(), "decoder had unread frames");
        for (ByteBuf input : inputs) {
            assertEquals(0, input.refCnt(), "an inbound buffer was not released");
        }
    }

    @Test
    void largeBodyArrivesWholeInAnArrayOfItsOwnWhateverTheReadSizes() {
        byte[] body = pattern(1000);
        byte[] wire = wire(7, body);
        for (int chunk : new int[] {1, 3, 13, 14, 15, 64, 999, wire.length}) {
            for (int from = 0; from < wire.length; from += chunk) {
                assertNull(decoder.readInbound(), "frame out before its last byte (chunk " + chunk + ")");
                decoder.writeInbound(track(Unpooled.wrappedBuffer(wire, from, Math.min(chunk, wire.length - from))));
            }
            Frame received = decoder.readInbound();
            assertEquals(7, received.requestId());
            assertInstanceOf(GatheredBody.class, received.body());
            assertArrayEquals(body, received.body().array(), "chunk " + chunk);
            assertTrue(received.release());
        }
    }

    @Test
    void bodiesBelowTheThresholdStaySlicesAndFramesKeepTheirOrder() {
        ByteBuf wire = Unpooled.buffer();
        wire.writeBytes(wire(1, pattern(GATHER_FROM - 1)));
        wire.writeBytes(wire(2, pattern(GATHER_FROM)));
        wire.writeBytes(wire(3, pattern(5)));
        wire.writeBytes(wire(4, pattern(GATHER_FROM + 500)));
        decoder.writeInbound(track(wire));

        int[] sizes = {GATHER_FROM - 1, GATHER_FROM, 5, GATHER_FROM + 500};
        for (int i = 0; i < sizes.length; i++) {
            Frame received = decoder.readInbound();
            assertEquals(i + 1, received.requestId());
            assertEquals(sizes[i] >= GATHER_FROM, received.body() instanceof GatheredBody, "frame " + (i + 1));
            byte[] got = new byte[received.body().readableBytes()];
            received.body().getBytes(received.body().readerIndex(), got);
            assertArrayEquals(pattern(sizes[i]), got, "frame " + (i + 1));
            received.release();
        }
        assertNull(decoder.readInbound());
    }

    @Test
    void lengthAboveMaxFrameSizeStillFailsBeforeAnyGathering() {
        ByteBuf header = Unpooled.buffer().writeInt(MAX_FRAME_SIZE + 1).writeZero(Frame.HEADER_SIZE);
        assertThrows(TooLongFrameException.class, () -> decoder.writeInbound(track(header)));
        decoder.writeInbound(track(Unpooled.wrappedBuffer(wire(2, pattern(500)))));
        assertNull(decoder.readInbound(), "the rest of the stream is ignored after a violation");
    }

    @Test
    void restSharedHandsOutAGatheredBodysOwnArrayWhichOutlivesTheFrame() {
        decoder.writeInbound(track(Unpooled.wrappedBuffer(wire(9, pattern(300)))));
        Frame frame = decoder.readInbound();
        byte[] own = frame.body().array();
        WireReader in = new WireReader(frame.body().duplicate());
        assertEquals(pattern(300)[0], (byte) in.int8());

        ByteBuffer rest = in.restShared();
        frame.release();

        assertSame(own, rest.array(), "no copy of a gathered body");
        assertEquals(1, rest.position());
        assertEquals(300, rest.limit());
        assertArrayEquals(Arrays.copyOfRange(pattern(300), 1, 300),
                Arrays.copyOfRange(rest.array(), rest.position(), rest.limit()), "still readable after release");
        assertEquals(0, in.remaining());
    }

    @Test
    void restSharedCopiesABodyItDoesNotOwn() {
        decoder.close();
        decoder = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_SIZE)); // no gathering: bodies are slices
        decoder.writeInbound(track(Unpooled.wrappedBuffer(wire(9, pattern(300)))));
        Frame frame = decoder.readInbound();
        ByteBuf heap = Unpooled.wrappedBuffer(pattern(300)); // an array-backed buffer that is not gathered

        ByteBuffer fromSlice = new WireReader(frame.body().duplicate()).restShared();
        ByteBuffer fromHeap = new WireReader(heap.duplicate()).restShared();

        assertArrayEquals(pattern(300), fromSlice.array());
        assertArrayEquals(pattern(300), fromHeap.array());
        assertNotSame(heap.array(), fromHeap.array(), "a buffer that may be reused is copied");
        frame.release();
        heap.release();
    }

    private ByteBuf track(ByteBuf buf) {
        inputs.add(buf);
        return buf;
    }

    private static byte[] wire(int requestId, byte[] body) {
        ByteBuf frame = Unpooled.buffer();
        FrameEncoder.writeHeader(frame, new Frame(10, Frame.FLAG_RESPONSE, 2, requestId, 0,
                Unpooled.wrappedBuffer(body)));
        frame.writeBytes(body);
        byte[] out = new byte[frame.readableBytes()];
        frame.readBytes(out);
        frame.release();
        return out;
    }

    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + size);
        }
        return b;
    }
}
