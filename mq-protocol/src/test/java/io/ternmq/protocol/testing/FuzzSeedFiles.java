package io.ternmq.protocol.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.FrameEncoder;
import io.ternmq.protocol.codec.WireWriter;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the committed fuzz seeds: every sample request body, and whole frames of them. Valid inputs are the best
 * seeds because the fuzzer mutates them into the near-misses that find bugs. Rerun after changing
 * {@link BodySamples}: {@code java -cp <test classpath> io.ternmq.protocol.testing.FuzzSeedFiles mq-protocol}.
 */
public final class FuzzSeedFiles {
    private FuzzSeedFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : ".", "src/test/resources/io/ternmq/protocol");
        Path frames = resources.resolve("codec/FrameDecoderFuzzTestInputs/arbitraryBytes");
        Files.createDirectories(frames);
        ByteBuf allFrames = Unpooled.buffer().writeByte(63); // first byte: read size 64
        for (Command<?, ?> command : Commands.all()) {
            byte[] body = body(BodySamples.of(command).request());
            Path dir = resources.resolve("command/RequestDecoderFuzzTestInputs/" + targetName(command));
            Files.createDirectories(dir);
            Files.write(dir.resolve("sample"), body);
            Frame frame = new Frame(command.code(), 0, ProtocolVersion.CURRENT, command.code(), 0,
                    Unpooled.wrappedBuffer(body));
            FrameEncoder.writeHeader(allFrames, frame);
            allFrames.writeBytes(frame.body());
            frame.release();
        }
        Files.write(frames.resolve("every-command"), ByteBufUtil.getBytes(allFrames));
        // a frame claiming more than the fuzz test's 4 KiB limit, and one shorter than its header
        Files.write(frames.resolve("too-long"), new byte[]{0, 0, 0, 0x20, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0});
        Files.write(frames.resolve("below-header"), new byte[]{3, 0, 0, 0, 9, 0, 1});
    }

    private static byte[] body(Body body) {
        ByteBuf buf = Unpooled.buffer();
        body.encode(new WireWriter(buf), ProtocolVersion.CURRENT);
        return ByteBufUtil.getBytes(buf);
    }

    /** The fuzz target (and seed directory) of a command's request decoder: HELLO → helloRequest. */
    public static String targetName(Command<?, ?> command) {
        StringBuilder name = new StringBuilder();
        for (String word : command.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name + "Request";
    }
}
