package io.ternmq.protocol.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arbitrary bytes into the broker's inbound path: FrameDecoder, then the request decoder of the frame's command.
 * Allowed outcomes are frames, {@link TooLongFrameException} and {@link MalformedFrameException}; every buffer
 * must end released. Run for real with {@code JAZZER_FUZZ=1 ./mvnw -pl mq-protocol test -Dtest=FrameDecoderFuzzTest}.
 */
class FrameDecoderFuzzTest {
    /** Small, so the fuzzer reaches both sides of the limit with short inputs. */
    private static final int MAX_FRAME_SIZE = 4096;

    @FuzzTest(maxDuration = "60s")
    void arbitraryBytes(byte[] data) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_SIZE));
        List<ByteBuf> inputs = new ArrayList<>();
        // the first byte chooses the read size, so the fuzzer also explores where TCP splits the stream
        int chunk = data.length == 0 ? 1 : (data[0] & 0x3f) + 1;
        for (int from = 1; from < data.length; from += chunk) {
            ByteBuf in = Unpooled.wrappedBuffer(data, from, Math.min(chunk, data.length - from));
            inputs.add(in);
            try {
                channel.writeInbound(in);
            } catch (TooLongFrameException expected) {
                // the broker answers FRAME_TOO_LARGE and closes
            } catch (DecoderException e) {
                if (!(e.getCause() instanceof MalformedFrameException)) {
                    throw e;
                }
            }
            for (Frame frame; (frame = channel.readInbound()) != null; ) {
                decodeBody(frame);
                assertEquals(0, frame.refCnt(), "frame not released");
            }
        }
        channel.finishAndReleaseAll();
        for (ByteBuf in : inputs) {
            assertEquals(0, in.refCnt(), "inbound buffer leaked");
        }
    }

    private static void decodeBody(Frame frame) {
        try {
            Command<?, ?> command = Commands.forCode(frame.command());
            if (command != null) {
                decodeRequest(command, frame);
            }
        } catch (MalformedFrameException expected) {
            // the broker answers MALFORMED_REQUEST and keeps the connection
        } finally {
            frame.release();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void decodeRequest(Command<?, ?> command, Frame frame) {
        Frames.decodeRequest((Command) command, frame);
    }
}
