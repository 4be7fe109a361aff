package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection pipeline without sockets: pipelined requests, replies in request order whatever order they complete
 * in, back-pressure, and closing on bad frames and failures.
 */
class ConnectionDispatcherTest {
    /** Answers nothing by itself: the test completes each request's future when it wants. */
    private static final class HeldProcessor implements RequestProcessor {
        final List<String> requests = new ArrayList<>();
        final List<CompletableFuture<Reply>> replies = new ArrayList<>();

        @Override
        public CompletableFuture<Reply> process(KafkaConnection connection, ByteBuf frame) {
            requests.add(frame.toString(StandardCharsets.US_ASCII));
            frame.release();
            CompletableFuture<Reply> reply = new CompletableFuture<>();
            replies.add(reply);
            return reply;
        }

        void answer(int request, String response) {
            replies.get(request).complete(Reply.respond(Unpooled.copiedBuffer(response, StandardCharsets.US_ASCII)));
        }
    }

    private final HeldProcessor processor = new HeldProcessor();

    private EmbeddedChannel connection(int maxRequestSize, int maxInFlight) {
        return new EmbeddedChannel(new RequestFrameDecoder(maxRequestSize),
                new LengthFieldPrepender(RequestFrameDecoder.SIZE_FIELD),
                new ConnectionDispatcher(processor, new KafkaConnection("test", false), maxInFlight),
                ConnectionGuard.INSTANCE);
    }

    private static ByteBuf frame(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    /** Reads one response frame (size prefix + payload) as written to the socket. */
    private static String response(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        ByteBuf part;
        // LengthFieldPrepender writes the size and the payload as two buffers
        while (all.readableBytes() < 4 || all.readableBytes() < 4 + all.getInt(0)) {
            part = channel.readOutbound();
            if (part == null) {
                all.release();
                return null;
            }
            all.writeBytes(part);
            part.release();
        }
        int size = all.readInt();
        String payload = all.readCharSequence(size, StandardCharsets.US_ASCII).toString();
        all.release();
        return payload;
    }

    @Test
    void pipelinedResponsesLeaveInRequestOrderEvenWhenTheFirstCompletesLast() {
        EmbeddedChannel channel = connection(1024, 100);
        channel.writeInbound(Unpooled.buffer().writeBytes(frame("fetch")).writeBytes(frame("metadata"))
                .writeBytes(frame("heartbeat")));
        assertEquals(List.of("fetch", "metadata", "heartbeat"), processor.requests, "all three are processed at once");

        processor.answer(2, "heartbeat-response");
        processor.answer(1, "metadata-response");
        assertNull(channel.readOutbound(), "nothing may overtake the slow first response");

        processor.answer(0, "fetch-response");
        assertEquals("fetch-response", response(channel));
        assertEquals("metadata-response", response(channel));
        assertEquals("heartbeat-response", response(channel));
        assertTrue(channel.isActive());
    }

    @Test
    void anOversizedFrameClosesTheConnectionWithoutProcessingAnything() {
        EmbeddedChannel channel = connection(16, 100);
        channel.writeInbound(Unpooled.buffer().writeInt(17).writeBytes(new byte[8]));
        assertFalse(channel.isActive());
        assertTrue(processor.requests.isEmpty());
    }

    @Test
    void aNegativeSizeClosesTheConnection() {
        EmbeddedChannel channel = connection(16, 100);
        channel.writeInbound(frame("ok"));
        channel.writeInbound(Unpooled.buffer().writeInt(-5));
        assertFalse(channel.isActive());
        assertEquals(List.of("ok"), processor.requests);
    }

    @Test
    void tooManyRequestsInFlightStopReadingUntilResponsesAreWritten() {
        EmbeddedChannel channel = connection(1024, 2);
        channel.writeInbound(frame("a"));
        assertTrue(channel.config().isAutoRead());
        channel.writeInbound(frame("b"));
        assertFalse(channel.config().isAutoRead(), "two in flight reach the cap");

        processor.answer(1, "B");
        assertFalse(channel.config().isAutoRead(), "b cannot be written before a: still two in flight");
        processor.answer(0, "A");
        assertTrue(channel.config().isAutoRead());
        assertEquals("A", response(channel));
        assertEquals("B", response(channel));
    }

    @Test
    void aFailedRequestClosesTheConnectionAfterTheEarlierResponses() {
        EmbeddedChannel channel = connection(1024, 100);
        channel.writeInbound(Unpooled.buffer().writeBytes(frame("a")).writeBytes(frame("b"))
                .writeBytes(frame("c")));
        processor.replies.get(1).completeExceptionally(new IllegalStateException("boom"));
        assertTrue(channel.isActive(), "a has not been answered yet");
        processor.answer(0, "A");
        assertEquals("A", response(channel));
        assertFalse(channel.isActive());

        ByteBuf late = Unpooled.copiedBuffer("C", StandardCharsets.US_ASCII);
        processor.replies.get(2).complete(Reply.respond(late));
        assertEquals(0, late.refCnt(), "a reply after the close is released, not written");
        assertNull(response(channel));
    }

    @Test
    void aReplyWithoutPayloadWritesNothingAndKeepsOrder() {
        EmbeddedChannel channel = connection(1024, 100);
        channel.writeInbound(Unpooled.buffer().writeBytes(frame("produce-acks-0")).writeBytes(frame("metadata")));
        processor.replies.get(0).complete(Reply.none());
        processor.answer(1, "M");
        assertEquals("M", response(channel));
        assertNull(response(channel));
        assertTrue(channel.isActive());
    }
}
