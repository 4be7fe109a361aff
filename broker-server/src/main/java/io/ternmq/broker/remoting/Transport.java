package io.ternmq.broker.remoting;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty transport: Linux epoll when it is available and wanted, Java NIO otherwise.
 *
 * @param name         "epoll" or "nio"
 * @param boss         accepts connections
 * @param workers      runs the connections' event loops
 * @param channelClass the server channel type matching the groups
 */
public record Transport(String name, EventLoopGroup boss, EventLoopGroup workers,
                        Class<? extends ServerChannel> channelClass) {
    private static final System.Logger LOG = System.getLogger(Transport.class.getName());

    public static Transport create(boolean preferEpoll, int workerThreads) {
        boolean epoll = preferEpoll && Epoll.isAvailable();
        if (preferEpoll && !epoll) {
            LOG.log(System.Logger.Level.INFO, "epoll unavailable ({0}); using NIO",
                    String.valueOf(Epoll.unavailabilityCause()));
        }
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new Transport(epoll ? "epoll" : "nio",
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ternmq-accept"), factory),
                new MultiThreadIoEventLoopGroup(workerThreads, new DefaultThreadFactory("ternmq-io"), factory),
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
    }

    /** Shuts both groups down and waits (bounded) for them. */
    public void shutdown() {
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(5_000);
        workers.terminationFuture().awaitUninterruptibly(5_000);
    }
}
