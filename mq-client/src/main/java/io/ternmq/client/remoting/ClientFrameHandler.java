package io.ternmq.client.remoting;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.ternmq.client.RemotingException;
import io.ternmq.protocol.Frame;

/**
 * Last handler of a client pipeline: routes responses to their waiting request and requests to the dispatcher, and
 * fails everything pending when the connection goes away. One instance per channel.
 */
final class ClientFrameHandler extends SimpleChannelInboundHandler<Frame> {
    private static final System.Logger LOG = System.getLogger(ClientFrameHandler.class.getName());

    private final InFlightRequests inFlight;
    private final ServerRequestDispatcher dispatcher;
    private final Runnable onClosed;

    ClientFrameHandler(InFlightRequests inFlight, ServerRequestDispatcher dispatcher, Runnable onClosed) {
        super(Frame.class, false);
        this.inFlight = inFlight;
        this.dispatcher = dispatcher;
        this.onClosed = onClosed;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        if (frame.isResponse()) {
            inFlight.complete(frame);
        } else {
            dispatcher.dispatch(ctx.channel(), frame);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inFlight.failAll(RemotingException.Kind.CONNECTION_CLOSED, "connection to " + ctx.channel().remoteAddress()
                + " closed");
        onClosed.run();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a broken stream cannot be resynchronised: close, fail what is pending, reconnect
        LOG.log(System.Logger.Level.WARNING, "closing connection to " + ctx.channel().remoteAddress() + ": " + cause);
        ctx.close();
    }
}
