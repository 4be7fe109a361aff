package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.testing.AllocationMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FrameEncoder → bytes → FrameDecoder on EmbeddedChannels, no sockets. Every buffer a test creates is checked to be
 * released, because a leaked inbound slice pins the whole cumulation buffer it was cut from.
 */
class FrameCodecTest {
    private static final int MAX_FRAME_SIZE = 1024;

    private final EmbeddedChannel encoder = new EmbeddedChannel(FrameEncoder.INSTANCE);
    private final EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_SIZE));
    private final List<ByteBuf> inputs = new ArrayList<>();

    @AfterEach
    void nothingIsLeft() {
        assertFalse(encoder.finishAndReleaseAll(), "encoder had unread output");
        assertFalse(decoder.finishAndReleaseAll(), "decoder had unread frames");
        for (ByteBuf input : inputs) {
            assertEquals(0, input.refCnt(), "an inbound buffer was not released");
        }
    }

    @Test
    void frameRoundTripsWithEveryHeaderField() {
        Frame sent = frame(0xFFFF, Frame.FLAG_RESPONSE | Frame.FLAG_ONE_WAY, 255, -7, 0xFFFF, "héllo");
        decoder.writeInbound(track(encode(sent)));
        Frame received = decoder.readInbound();
        try {
            assertEquals(0xFFFF, received.command());
            assertTrue(received.isResponse());
            assertTrue(received.isOneWay());
            assertEquals(255, received.version());
            assertEquals(-7, received.requestId());
            assertEquals(0xFFFF, received.status());
            assertEquals("héllo", received.body().toString(StandardCharsets.UTF_8));
        } finally {
            assertTrue(received.release(), "the frame must own the only reference to its body");
        }
    }

    @Test
    void encoderReleasesTheFrameAndSendsItsBodyWithoutCopying() {
        Frame sent = frame(10, 0, 1, 1, 0, "body");
        ByteBuf body = sent.body();
        assertTrue(encoder.writeOutbound(sent));
        assertEquals(0, sent.refCnt());
        ByteBuf header = encoder.readOutbound();
        ByteBuf wireBody = encoder.readOutbound();
        assertEquals(4 + Frame.HEADER_SIZE, header.readableBytes());
        assertEquals(Frame.HEADER_SIZE + 4, header.getInt(0));
        assertTrue(wireBody == body, "the body buffer itself goes to the wire");
        header.release();
        assertTrue(wireBody.release());
    }

    @Test
    void frameWithEmptyBodyRoundTrips() {
        decoder.writeInbound(track(encode(frame(22, 0, 1, 3, 0, ""))));
        Frame received = decoder.readInbound();
        assertEquals(22, received.command());
        assertEquals(0, received.body().readableBytes());
        received.release();
    }

    @Test
    void frameSplitByteByByteIsDecodedOnceComplete() {
        byte[] wire = bytes(encode(frame(11, 0, 1, 99, 0, "split")));
        for (int i = 0; i < wire.length - 1; i++) {
            decoder.writeInbound(track(Unpooled.wrappedBuffer(new byte[]{wire[i]})));
            assertNull(decoder.readInbound(), "frame decoded before its last byte, at byte " + i);
        }
        decoder.writeInbound(track(Unpooled.wrappedBuffer(new byte[]{wire[wire.length - 1]})));
        Frame received = decoder.readInbound();
        assertEquals(99, received.requestId());
        assertEquals("split", received.body().toString(StandardCharsets.UTF_8));
        received.release();
    }

    @Test
    void severalFramesInOneBufferComeOutInOrder() {
        ByteBuf wire = Unpooled.buffer();
        for (int i = 0; i < 5; i++) {
            wire.writeBytes(encode(frame(10, 0, 1, i, 0, "m" + i)));
        }
        decoder.writeInbound(track(wire));
        for (int i = 0; i < 5; i++) {
            Frame received = decoder.readInbound();
            assertEquals(i, received.requestId());
            assertEquals("m" + i, received.body().toString(StandardCharsets.UTF_8));
            received.release();
        }
        assertNull(decoder.readInbound());
    }

    @Test
    void incompleteFrameIsNotConsumedAndCompletesWithTheNextRead() {
        byte[] wire = bytes(encode(frame(10, 0, 1, 5, 0, "0123456789")));
        int cut = 4 + Frame.HEADER_SIZE + 3;
        ByteBuf first = track(Unpooled.wrappedBuffer(wire, 0, cut));
        decoder.writeInbound(first);
        assertNull(decoder.readInbound());
        // still referenced: the decoder keeps the half frame as its cumulation instead of dropping it
        assertEquals(1, first.refCnt());
        assertEquals(0, first.readerIndex(), "no byte of the half frame was consumed");
        decoder.writeInbound(track(Unpooled.wrappedBuffer(wire, cut, wire.length - cut)));
        Frame received = decoder.readInbound();
        assertEquals("0123456789", received.body().toString(StandardCharsets.UTF_8));
        received.release();
    }

    @Test
    void lengthFieldAloneIsNotEnoughToDecideAnything() {
        decoder.writeInbound(track(Unpooled.wrappedBuffer(new byte[]{0, 0, 0})));
        assertNull(decoder.readInbound());
    }

    @Test
    void lengthBelowHeaderSizeIsMalformedAndTheRestOfTheStreamIsIgnored() {
        ByteBuf wire = Unpooled.buffer().writeInt(Frame.HEADER_SIZE - 1).writeZero(64);
        DecoderException e = assertThrows(DecoderException.class, () -> decoder.writeInbound(track(wire)));
        // ByteToMessageDecoder wraps anything that is not already a DecoderException
        assertInstanceOf(MalformedFrameException.class, e.getCause());
        assertRestOfStreamIgnored();
    }

    @Test
    void negativeLengthIsMalformed() {
        ByteBuf wire = Unpooled.buffer().writeInt(-1).writeZero(Frame.HEADER_SIZE);
        DecoderException e = assertThrows(DecoderException.class, () -> decoder.writeInbound(track(wire)));
        assertInstanceOf(MalformedFrameException.class, e.getCause());
        assertRestOfStreamIgnored();
    }

    @Test
    void lengthAboveMaxFrameSizeFailsAtOnceWithoutWaitingForOrAllocatingTheBody() {
        ByteBuf wire = Unpooled.buffer().writeInt(MAX_FRAME_SIZE + 1).writeZero(Frame.HEADER_SIZE);
        assertThrows(TooLongFrameException.class, () -> decoder.writeInbound(track(wire)));
        assertRestOfStreamIgnored();
    }

    @Test
    void hugeClaimedLengthAllocatesNothingNearItsSize() {
        EmbeddedChannel big = new EmbeddedChannel(new FrameDecoder(16 << 20));
        ByteBuf wire = track(Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeZero(Frame.HEADER_SIZE));
        long allocated = AllocationMeter.bytesAllocatedBy(
                () -> assertThrows(TooLongFrameException.class, () -> big.writeInbound(wire)));
        assertTrue(allocated < AllocationMeter.SMALL, "allocated " + allocated + " bytes");
        assertFalse(big.finishAndReleaseAll());
    }

    @Test
    void frameOfExactlyMaxFrameSizeIsAccepted() {
        String body = "x".repeat(MAX_FRAME_SIZE - Frame.HEADER_SIZE);
        decoder.writeInbound(track(encode(frame(10, 0, 1, 1, 0, body))));
        Frame received = decoder.readInbound();
        assertEquals(MAX_FRAME_SIZE - Frame.HEADER_SIZE, received.body().readableBytes());
        received.release();
    }

    @Test
    void partialFrameUnderAMaxFrameSizeNearIntMaxWaitsInsteadOfOverflowing() {
        // 4 + length overflowed int for lengths past Integer.MAX_VALUE - 4, and the decoder then read past the buffer
        EmbeddedChannel unbounded = new EmbeddedChannel(new FrameDecoder(Integer.MAX_VALUE));
        ByteBuf wire = track(Unpooled.buffer().writeInt(Integer.MAX_VALUE - 1).writeZero(Frame.HEADER_SIZE));
        long allocated = AllocationMeter.bytesAllocatedBy(() -> unbounded.writeInbound(wire));
        assertNull(unbounded.readInbound());
        assertTrue(allocated < AllocationMeter.SMALL, "allocated " + allocated + " bytes");
        assertFalse(unbounded.finishAndReleaseAll());
    }

    @Test
    void goodFramesBeforeAViolationInTheSameBufferAreStillDelivered() {
        ByteBuf wire = Unpooled.buffer().writeBytes(encode(frame(10, 0, 1, 1, 0, "ok"))).writeInt(3).writeZero(8);
        assertThrows(DecoderException.class, () -> decoder.writeInbound(track(wire)));
        Frame received = decoder.readInbound();
        assertEquals(1, received.requestId());
        received.release();
        assertRestOfStreamIgnored();
    }

    @Test
    void maxFrameSizeBelowTheHeaderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(Frame.HEADER_SIZE - 1));
    }

    /** After a violation the decoder swallows everything, even well-formed frames, until the channel closes. */
    private void assertRestOfStreamIgnored() {
        decoder.writeInbound(track(encode(frame(10, 0, 1, 2, 0, "after"))));
        assertNull(decoder.readInbound());
        decoder.checkException();
    }

    private ByteBuf track(ByteBuf buf) {
        inputs.add(buf);
        return buf;
    }

    /** Runs a frame through the real encoder and joins its output into one buffer as it would reach the socket. */
    private ByteBuf encode(Frame frame) {
        assertTrue(encoder.writeOutbound(frame));
        ByteBuf joined = Unpooled.buffer();
        for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
            joined.writeBytes(part);
            part.release();
        }
        return joined;
    }

    private static Frame frame(int command, int flags, int version, int requestId, int status, String body) {
        return new Frame(command, flags, version, requestId, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.readBytes(b);
        buf.release();
        return b;
    }
}
