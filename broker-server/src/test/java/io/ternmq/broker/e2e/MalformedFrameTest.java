package io.ternmq.broker.e2e;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.broker.Broker;
import io.ternmq.broker.testing.RawClient;
import io.ternmq.broker.testing.TestBrokers;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Hello;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken input against a live broker over real sockets. After every case a well-behaved client on
 * another connection must still get correct answers.
 */
class MalformedFrameTest {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    static Broker broker;

    @BeforeAll
    static void start() {
        broker = TestBrokers.start(dir, "maxFrameSize=1048576", "maxMessageSize=65536");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @AfterEach
    void brokerStillServesOthers() throws Exception {
        try (RawClient good = new RawClient(broker.nativePort())) {
            assertEquals(1, good.call(Commands.HELLO, new Hello.Request(1, 1, "good", "t")).ok().version());
            good.call(Commands.LIST_TOPICS, Empty.INSTANCE).ok();
        }
    }

    /** Length, command, flags, version, request id, status, then the body. */
    static byte[] frame(int length, int command, int version, int requestId, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(length);
        out.writeShort(command);
        out.writeByte(0);
        out.writeByte(version);
        out.writeInt(requestId);
        out.writeShort(0);
        out.write(body);
        return bytes.toByteArray();
    }

    static byte[] frame(int command, int version, int requestId, byte[] body) throws IOException {
        return frame(Frame.HEADER_SIZE + body.length, command, version, requestId, body);
    }

    private static void assertErrorThenClose(RawClient c, ErrorCode expected) throws IOException {
        Frame reply = c.readFrame();
        try {
            assertTrue(reply.isResponse());
            assertEquals(expected, ErrorCode.forCode(reply.status()), Frames.errorMessage(reply));
        } finally {
            reply.release();
        }
        assertTrue(c.closedByBroker(CLOSE_WAIT), "broker closes the connection");
    }

    private static void assertErrorAndStillOpen(RawClient c, int requestId, ErrorCode expected) throws IOException {
        Frame reply = c.readFrame();
        try {
            assertEquals(requestId, reply.requestId());
            assertEquals(expected, ErrorCode.forCode(reply.status()), Frames.errorMessage(reply));
        } finally {
            reply.release();
        }
        assertEquals(1, c.call(Commands.HELLO, new Hello.Request(1, 1, "same-conn", "t")).ok().version(),
                "the same connection still works");
    }

    @Test
    void frameOverMaxFrameSizeGetsFrameTooLargeAndClose() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(1024 * 1024 + 1, 1, 1, 1, new byte[0]));
            assertErrorThenClose(c, ErrorCode.FRAME_TOO_LARGE);
        }
    }

    @Test
    void frameClaimingTwoGibibytesClosesAtOnceWithoutWaitingForTheBytes() throws Exception {
        long before = usedHeap();
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(Integer.MAX_VALUE, 10, 1, 1, new byte[4096]));
            assertErrorThenClose(c, ErrorCode.FRAME_TOO_LARGE);
        }
        // nothing near the claimed size was allocated (generous bound: GC noise, other tests' garbage)
        assertTrue(usedHeap() - before < 256L * 1024 * 1024, "heap grew by " + (usedHeap() - before));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void negativeLengthGetsMalformedAndClose() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(-5, 1, 1, 1, new byte[0]));
            assertErrorThenClose(c, ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void lengthBelowHeaderSizeGetsMalformedAndClose() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(new byte[] {0, 0, 0, 3, 1, 2, 3});
            assertErrorThenClose(c, ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void unknownCommandIsAnsweredAndTheConnectionStays() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(999, 1, 41, new byte[] {1, 2, 3}));
            assertErrorAndStillOpen(c, 41, ErrorCode.UNSUPPORTED_COMMAND);
        }
    }

    @Test
    void serverInitiatedCommandSentByAClientIsRefused() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(Commands.NOTIFY_CONSUMER_IDS_CHANGED.code(), 1, 42, new byte[] {0, 1, 'g'}));
            assertErrorAndStillOpen(c, 42, ErrorCode.UNSUPPORTED_COMMAND);
        }
    }

    @Test
    void unsupportedVersionIsAnsweredAndTheConnectionStays() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(Commands.LIST_TOPICS.code(), 99, 43, new byte[0]));
            assertErrorAndStillOpen(c, 43, ErrorCode.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void truncatedBodyIsMalformedAndTheFrameIsConsumed() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            // HELLO needs 2 + 2 + string + string; give it three bytes
            c.sendRaw(frame(Commands.HELLO.code(), 1, 44, new byte[] {0, 1, 0}));
            assertErrorAndStillOpen(c, 44, ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void garbledBodyIsMalformed() throws Exception {
        byte[] garbage = new byte[200];
        new java.util.Random(7).nextBytes(garbage);
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(Commands.SEND.code(), 1, 45, garbage));
            assertErrorAndStillOpen(c, 45, ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void absurdListCountIsMalformedWithoutAllocating() throws Exception {
        ByteBuf body = Unpooled.buffer();
        body.writeShort(-1); // producer group null
        body.writeShort(1).writeByte('t'); // topic
        body.writeInt(0); // queue
        body.writeInt(Integer.MAX_VALUE); // message count
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(Commands.SEND.code(), 1, 46, bytes));
            assertErrorAndStillOpen(c, 46, ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void trailingBytesAreMalformed() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            c.sendRaw(frame(Commands.LIST_TOPICS.code(), 1, 47, new byte[] {9}));
            assertErrorAndStillOpen(c, 47, ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void malformedOneWayRequestGetsNoResponse() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort())) {
            byte[] bytes = frame(Commands.COMMIT_CONSUMER_OFFSET.code(), 1, 48, new byte[] {1});
            bytes[6] = Frame.FLAG_ONE_WAY;
            c.sendRaw(bytes);
            // the next response on the connection is the HELLO's, not an error for the one-way frame
            Hello.Response hello = c.call(Commands.HELLO, new Hello.Request(1, 1, "x", "t")).ok();
            assertEquals(1, hello.version());
        }
    }

    @Test
    void slowClientDribblingBytesIsServedWhenTheFrameCompletes() throws Exception {
        try (RawClient c = new RawClient(broker.nativePort());
             RawClient other = new RawClient(broker.nativePort())) {
            byte[] hello = frame(Commands.HELLO.code(), 1, 49, new byte[] {0, 1, 0, 1, -1, -1, -1, -1});
            for (int i = 0; i < hello.length; i++) {
                c.sendRaw(new byte[] {hello[i]});
                if (i == hello.length / 2) {
                    // meanwhile others are served normally
                    other.call(Commands.LIST_TOPICS, Empty.INSTANCE).ok();
                }
                Thread.sleep(5);
            }
            Frame reply = c.readFrame();
            try {
                assertEquals(49, reply.requestId());
                assertEquals(ErrorCode.SUCCESS, ErrorCode.forCode(reply.status()));
            } finally {
                reply.release();
            }
        }
    }

    @Test
    void abruptDisconnectMidFrameIsHarmless() throws Exception {
        RawClient c = new RawClient(broker.nativePort());
        c.sendRaw(frame(1000, Commands.SEND.code(), 1, 50, new byte[10]));
        c.socket().setSoLinger(true, 0); // RST instead of FIN
        c.close();
    }
}
