package io.ternmq.kafka.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each request frame to the {@link RequestProcessor} as soon as it arrives (pipelining: a slow long-poll Fetch
 * does not hold up decoding of the requests behind it) and writes the replies strictly in request order through a
 * {@link ResponseSequencer}.
 *
 * <p>Back-pressure: with {@code maxInFlight} requests unanswered the connection stops reading (auto-read off), and
 * reads again once replies have gone out. Frames the decoder had already buffered are still processed, so the cap can
 * be passed by what one socket read held.
 *
 * <p>One instance per connection; every method runs on the connection's event loop (replies completed on other
 * threads hop there).
 */
public final class ConnectionDispatcher extends ChannelInboundHandlerAdapter {
    private final RequestProcessor processor;
    private final KafkaConnection connection;
    private final int maxInFlight;
    private ResponseSequencer sequencer;

    public ConnectionDispatcher(RequestProcessor processor, KafkaConnection connection, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive: " + maxInFlight);
        }
        this.processor = processor;
        this.connection = connection;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        sequencer = new ResponseSequencer(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (sequencer.closing()) {
            ReferenceCountUtil.release(frame);
            return;
        }
        ResponseSequencer.Slot slot = sequencer.reserve();
        if (sequencer.inFlight() >= maxInFlight && ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
        }
        CompletableFuture<Reply> reply;
        try {
            reply = processor.process(connection, frame);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, error) -> {
            Reply outcome = error == null ? r : Reply.close("request processing failed: " + rootCause(error));
            if (ctx.executor().inEventLoop()) {
                complete(ctx, slot, outcome);
            } else {
                try {
                    ctx.executor().execute(() -> complete(ctx, slot, outcome));
                } catch (RejectedExecutionException shuttingDown) {
                    outcome.discard();
                }
            }
        });
    }

    private void complete(ChannelHandlerContext ctx, ResponseSequencer.Slot slot, Reply reply) {
        sequencer.complete(slot, reply);
        if (!sequencer.closing() && sequencer.inFlight() < maxInFlight && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Requests of this connection received and not yet answered. */
    public int inFlight() {
        return sequencer.inFlight();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        sequencer.discardQueued();
        connection.markClosed();
        super.channelInactive(ctx);
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.toString();
    }
}
