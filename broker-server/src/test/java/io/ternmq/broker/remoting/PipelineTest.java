package io.ternmq.broker.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frame;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.FrameDecoder;
import io.ternmq.protocol.codec.FrameEncoder;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native pipeline on an {@link EmbeddedChannel}: bytes in, frames out, no sockets. */
class PipelineTest {
    private EmbeddedChannel channel;

    private EmbeddedChannel pipeline(HandlerRegistry handlers, Executor executor) {
        channel = new EmbeddedChannel(new FrameDecoder(1024), FrameEncoder.INSTANCE, CommandDecoder.INSTANCE,
                new RequestDispatcher(handlers, executor), new ConnectionGuard(new ConsumerGroupRegistry(
                        Clock.systemUTC())));
        return channel;
    }

    private EmbeddedChannel pipeline(HandlerRegistry handlers) {
        return pipeline(handlers, Runnable::run);
    }

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private static <Q extends Body> ByteBuf request(Command<Q, ?> command, Q body, int id, boolean oneWay) {
        Frame frame = Frames.request(ByteBufAllocator.DEFAULT, command, body, id, ProtocolVersion.CURRENT, oneWay);
        ByteBuf bytes = Unpooled.buffer();
        FrameEncoder.writeHeader(bytes, frame);
        bytes.writeBytes(frame.body());
        frame.release();
        return bytes;
    }

    /** Collects the encoder's output (header and body buffers) and decodes one frame from it. */
    private Frame readResponse() {
        ByteBuf all = Unpooled.buffer();
        ByteBuf part;
        while ((part = channel.readOutbound()) != null) {
            all.writeBytes(part);
            part.release();
        }
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(1 << 20));
        decoder.writeInbound(all);
        Frame frame = decoder.readInbound();
        decoder.finishAndReleaseAll();
        return frame;
    }

    private static HandlerRegistry listTopicsAnswering(List<String> topics) {
        return new HandlerRegistry().register(Commands.LIST_TOPICS,
                (ctx, req) -> Reply.ok(new Topics.ListResponse(topics)).done());
    }

    @Test
    void requestReachesItsHandlerAndTheResponseCarriesTheRequestId() {
        pipeline(listTopicsAnswering(List.of("a", "b")));
        channel.writeInbound(request(Commands.LIST_TOPICS, Empty.INSTANCE, 77, false));
        Frame response = readResponse();
        assertEquals(77, response.requestId());
        assertEquals(ErrorCode.SUCCESS.code(), response.status());
        assertEquals(List.of("a", "b"), Frames.decodeResponse(Commands.LIST_TOPICS, response).topics());
        response.release();
    }

    @Test
    void partialFrameWaitsForTheRest() {
        pipeline(listTopicsAnswering(List.of()));
        ByteBuf bytes = request(Commands.LIST_TOPICS, Empty.INSTANCE, 5, false);
        channel.writeInbound(bytes.readRetainedSlice(7));
        assertNull(channel.readOutbound());
        channel.writeInbound(bytes);
        Frame response = readResponse();
        assertEquals(5, response.requestId());
        response.release();
    }

    @Test
    void commandWithoutHandlerIsUnsupported() {
        pipeline(new HandlerRegistry());
        channel.writeInbound(request(Commands.LIST_TOPICS, Empty.INSTANCE, 8, false));
        Frame response = readResponse();
        assertEquals(ErrorCode.UNSUPPORTED_COMMAND.code(), response.status());
        response.release();
    }

    @Test
    void failingHandlerBecomesSystemError() {
        pipeline(new HandlerRegistry().register(Commands.LIST_TOPICS, (ctx, req) -> {
            throw new IllegalStateException("boom");
        }));
        channel.writeInbound(request(Commands.LIST_TOPICS, Empty.INSTANCE, 9, false));
        Frame response = readResponse();
        assertEquals(ErrorCode.SYSTEM_ERROR.code(), response.status());
        response.release();
    }

    @Test
    void oneWayRequestGetsNoResponse() {
        pipeline(listTopicsAnswering(List.of()));
        channel.writeInbound(request(Commands.LIST_TOPICS, Empty.INSTANCE, 10, true));
        assertNull(channel.readOutbound());
    }

    @Test
    void asyncReplyIsWrittenWhenItCompletes() {
        CompletableFuture<Reply> later = new CompletableFuture<>();
        pipeline(new HandlerRegistry().register(Commands.LIST_TOPICS, (ctx, req) -> later));
        channel.writeInbound(request(Commands.LIST_TOPICS, Empty.INSTANCE, 11, false));
        assertNull(channel.readOutbound());
        later.complete(Reply.error(ErrorCode.SYSTEM_BUSY, "later"));
        channel.runPendingTasks();
        Frame response = readResponse();
        assertEquals(ErrorCode.SYSTEM_BUSY.code(), response.status());
        response.release();
    }

    @Test
    void fullWorkerQueueAnswersSystemBusy() {
        pipeline(listTopicsAnswering(List.of()), task -> {
            throw new RejectedExecutionException("full");
        });
        channel.writeInbound(request(Commands.LIST_TOPICS, Empty.INSTANCE, 12, false));
        Frame response = readResponse();
        assertEquals(ErrorCode.SYSTEM_BUSY.code(), response.status());
        response.release();
    }

    @Test
    void oversizedFrameIsAnsweredAndTheChannelClosed() {
        pipeline(listTopicsAnswering(List.of()));
        ByteBuf bytes = Unpooled.buffer().writeInt(4096).writeZero(20);
        channel.writeInbound(bytes);
        Frame response = readResponse();
        assertEquals(ErrorCode.FRAME_TOO_LARGE.code(), response.status());
        response.release();
        assertFalse(channel.isOpen());
    }

    @Test
    void brokerInitiatedRequestCompletesWithTheClientsResponse() throws Exception {
        pipeline(new HandlerRegistry());
        RemotingChannel remoting = RemotingChannel.of(channel);
        CompletableFuture<Frame> answer = remoting.request(Commands.NOTIFY_CONSUMER_IDS_CHANGED,
                new io.ternmq.protocol.command.ConsumerList.GroupRequest("g"), 10_000);
        Frame sent = readResponse(); // the broker's request, as the client would read it
        assertFalse(sent.isResponse());
        ByteBuf reply = Unpooled.buffer();
        Frame response = Frames.response(ByteBufAllocator.DEFAULT, sent, Empty.INSTANCE);
        FrameEncoder.writeHeader(reply, response);
        reply.writeBytes(response.body());
        response.release();
        sent.release();
        channel.writeInbound(reply);
        Frame got = answer.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(ErrorCode.SUCCESS.code(), got.status());
        got.release();
    }

    @Test
    void brokerInitiatedRequestFailsWhenTheConnectionCloses() {
        pipeline(new HandlerRegistry());
        CompletableFuture<Frame> answer = RemotingChannel.of(channel).request(Commands.NOTIFY_CONSUMER_IDS_CHANGED,
                new io.ternmq.protocol.command.ConsumerList.GroupRequest("g"), 10_000);
        readResponse().release();
        channel.close();
        assertTrue(answer.isCompletedExceptionally());
    }
}
