package io.ternmq.kafka.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;

import java.io.IOException;

/**
 * Last handler of a Kafka connection: logs connections coming and going, closes idle ones
 * ({@code kafkaConnectionsMaxIdleMs}), and closes the connection on a framing error or any unexpected exception.
 * Unlike the native protocol there is no error frame to send: Kafka has no response for a request that could not be
 * framed, and clients treat a closed connection as a retriable network error.
 *
 * <p>Stateless; {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public final class ConnectionGuard extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());
    /** The one instance. */
    public static final ConnectionGuard INSTANCE = new ConnectionGuard();

    private ConnectionGuard() {
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        LOG.log(System.Logger.Level.DEBUG, "Kafka connection from {0}", ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        LOG.log(System.Logger.Level.DEBUG, "Kafka connection closed: {0}", describe(ctx));
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.log(System.Logger.Level.INFO, "closing idle Kafka connection {0}", describe(ctx));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isFramingError(cause)) {
            LOG.log(System.Logger.Level.WARNING, "closing Kafka connection {0} after a framing error: {1}",
                    describe(ctx), cause.getMessage());
        } else if (cause instanceof IOException) {
            // resets and broken pipes are a client's normal way of leaving
            LOG.log(System.Logger.Level.DEBUG, "I/O error on Kafka connection {0}: {1}", describe(ctx), cause);
        } else {
            LOG.log(System.Logger.Level.WARNING, "closing Kafka connection " + describe(ctx)
                    + " after an unexpected error", cause);
        }
        ctx.close();
    }

    static boolean isFramingError(Throwable cause) {
        return cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException
                || cause instanceof DecoderException && cause.getCause() instanceof CorruptedFrameException;
    }

    private static String describe(ChannelHandlerContext ctx) {
        KafkaConnection connection = KafkaConnection.of(ctx.channel());
        return connection != null ? connection.toString() : String.valueOf(ctx.channel().remoteAddress());
    }
}
