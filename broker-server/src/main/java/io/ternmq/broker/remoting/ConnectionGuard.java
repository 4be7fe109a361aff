package io.ternmq.broker.remoting;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.Frames;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.MalformedFrameException;

import java.io.IOException;
import java.net.SocketException;

/**
 * Last handler of the pipeline: logs connections coming and going, closes idle ones, and turns framing errors (a
 * length over maxFrameSize, a negative or absurd length) into one error reply followed by a close, because after a
 * broken length the byte stream cannot be resynchronised. When a channel closes, its client leaves its groups.
 *
 * <p>{@link ChannelHandler.Sharable}; per-channel state lives in {@link RemotingChannel}.
 */
@ChannelHandler.Sharable
public final class ConnectionGuard extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

    private final ConsumerGroupRegistry groups;

    public ConnectionGuard(ConsumerGroupRegistry groups) {
        this.groups = groups;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        LOG.log(System.Logger.Level.DEBUG, "connection from {0}", ctx.channel().remoteAddress());
        RemotingChannel.of(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        RemotingChannel channel = RemotingChannel.of(ctx.channel());
        LOG.log(System.Logger.Level.DEBUG, "connection closed: {0}", channel);
        channel.closed();
        groups.connectionClosed(channel);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.log(System.Logger.Level.INFO, "closing idle connection {0}", RemotingChannel.of(ctx.channel()));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        RemotingChannel channel = RemotingChannel.of(ctx.channel());
        ErrorCode code = framingError(cause);
        if (code != null) {
            LOG.log(System.Logger.Level.WARNING, "closing {0} after a framing error: {1}", channel,
                    rootMessage(cause));
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(Frames.error(ctx.alloc(), 0, ProtocolVersion.CURRENT, 0, code, rootMessage(cause)))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        if (cause instanceof IOException) {
            // resets and broken pipes are a client's normal way of leaving
            LOG.log(System.Logger.Level.DEBUG, "I/O error on {0}: {1}", channel, cause.toString());
        } else {
            LOG.log(System.Logger.Level.WARNING, "closing " + channel + " after an unexpected error", cause);
        }
        ctx.close();
    }

    /** FRAME_TOO_LARGE or MALFORMED_REQUEST for framing failures, null for anything else. */
    static ErrorCode framingError(Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            return ErrorCode.FRAME_TOO_LARGE;
        }
        if (cause instanceof MalformedFrameException
                || cause instanceof DecoderException && cause.getCause() instanceof MalformedFrameException) {
            return ErrorCode.MALFORMED_REQUEST;
        }
        if (cause instanceof DecoderException && !(cause.getCause() instanceof SocketException)) {
            return ErrorCode.MALFORMED_REQUEST;
        }
        return null;
    }

    private static String rootMessage(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getMessage() != null && t.getMessage().equals(t.getCause().toString())) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
