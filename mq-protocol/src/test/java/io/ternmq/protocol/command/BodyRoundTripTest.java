package io.ternmq.protocol.command;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.MalformedFrameException;
import io.ternmq.protocol.testing.BodySamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import static io.ternmq.protocol.testing.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's request and response body survives encode → decode at the current version. */
class BodyRoundTripTest {
    // unpooled, and leak detection is paranoid (see pom), so a body the helpers forget to release is reported
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    static Collection<Command<?, ?>> commands() {
        return Commands.all();
    }

    @Test
    void everyCommandHasABodySampleAndNoSampleIsForAnUnregisteredCommand() {
        Set<Command<?, ?>> withoutSample = new HashSet<>(Commands.all());
        withoutSample.removeAll(BodySamples.all().keySet());
        assertTrue(withoutSample.isEmpty(), "commands without a sample in BodySamples: " + withoutSample);
        assertTrue(Commands.all().containsAll(BodySamples.all().keySet()), "BodySamples has unregistered commands");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void requestBodyRoundTrips(Command<?, ?> command) {
        Body sent = BodySamples.of(command).request();
        Frame frame = Frames.request(ALLOC, command, sent, 41, ProtocolVersion.CURRENT, false);
        try {
            assertDeepEquals(sent, decodeRequest(command, frame));
            assertEquals(0, frame.body().readerIndex(), "decoding must not consume the frame's body");
        } finally {
            assertTrue(frame.release());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void responseBodyRoundTripsAndEchoesTheRequestHeader(Command<?, ?> command) {
        BodySamples.Sample sample = BodySamples.of(command);
        Frame request = Frames.request(ALLOC, command, sample.request(), 42, ProtocolVersion.CURRENT, false);
        Frame response = Frames.response(ALLOC, request, sample.response());
        try {
            assertTrue(response.isResponse());
            assertEquals(command.code(), response.command());
            assertEquals(42, response.requestId());
            assertEquals(0, response.status());
            assertDeepEquals(sample.response(), decodeResponse(command, response));
        } finally {
            request.release();
            response.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void requestBodyWithATrailingByteIsMalformed(Command<?, ?> command) {
        Frame frame = Frames.request(ALLOC, command, BodySamples.of(command).request(), 1, ProtocolVersion.CURRENT,
                false);
        try {
            frame.body().writeByte(0);
            assertThrows(MalformedFrameException.class, () -> decodeRequest(command, frame));
        } finally {
            frame.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyTruncationOfARequestBodyIsMalformed(Command<?, ?> command) {
        Frame whole = Frames.request(ALLOC, command, BodySamples.of(command).request(), 1, ProtocolVersion.CURRENT,
                false);
        try {
            // cutting anywhere must be noticed: a decoder that defaults a missing field would hide a short body
            for (int cut = 0; cut < whole.body().readableBytes(); cut++) {
                Frame truncated = new Frame(whole.command(), 0, whole.version(), 1, 0, whole.body().retainedSlice(0, cut));
                try {
                    assertThrows(MalformedFrameException.class, () -> decodeRequest(command, truncated),
                            "cut at " + cut);
                } finally {
                    truncated.release();
                }
            }
        } finally {
            whole.release();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Body decodeRequest(Command<?, ?> command, Frame frame) {
        return Frames.decodeRequest((Command) command, frame);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Body decodeResponse(Command<?, ?> command, Frame frame) {
        return Frames.decodeResponse((Command) command, frame);
    }
}
