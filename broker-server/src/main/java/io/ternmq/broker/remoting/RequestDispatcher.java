package io.ternmq.broker.remoting;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Body;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Routes decoded requests to their handler from the {@link HandlerRegistry}, on the worker executor so that no
 * handler ever runs on (or blocks) a network event loop, and writes the reply with the request's id. Rejected
 * requests are answered directly; responses to broker-initiated requests go to their {@link RemotingChannel}.
 *
 * <p>Stateless apart from its collaborators; {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public final class RequestDispatcher extends SimpleChannelInboundHandler<InboundMessage> {
    private static final System.Logger LOG = System.getLogger(RequestDispatcher.class.getName());

    private final HandlerRegistry handlers;
    private final Executor workers;

    public RequestDispatcher(HandlerRegistry handlers, Executor workers) {
        this.handlers = handlers;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundMessage message) {
        RemotingChannel channel = RemotingChannel.of(ctx.channel());
        if (message instanceof InboundMessage.InboundResponse r) {
            channel.completeResponse(r.frame());
        } else if (message instanceof InboundMessage.RejectedRequest r) {
            channel.respond(r.header(), Reply.error(r.error(), r.message()));
        } else if (message instanceof InboundMessage.DecodedRequest r) {
            dispatch(channel, r);
        }
    }

    private void dispatch(RemotingChannel channel, InboundMessage.DecodedRequest request) {
        RequestHandler<Body> handler = handlers.get(request.header().command());
        if (handler == null) {
            channel.respond(request.header(), Reply.error(ErrorCode.UNSUPPORTED_COMMAND,
                    request.command().name() + " is not implemented by this broker"));
            return;
        }
        RequestContext context = new RequestContext(channel, request.header());
        try {
            workers.execute(() -> run(handler, context, request.body()));
        } catch (RejectedExecutionException e) {
            channel.respond(request.header(), Reply.error(ErrorCode.SYSTEM_BUSY,
                    "broker busy: request queue full, retry shortly"));
        }
    }

    private static void run(RequestHandler<Body> handler, RequestContext context, Body body) {
        CompletableFuture<Reply> reply;
        try {
            reply = handler.handle(context, body);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.log(System.Logger.Level.ERROR, "handler of command " + context.header().command() + " failed",
                        cause);
                r = Reply.error(ErrorCode.SYSTEM_ERROR, String.valueOf(cause));
            }
            context.channel().respond(context.header(), r);
        });
    }
}
