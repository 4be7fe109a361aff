package io.ternmq.kafka.server;

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

import java.util.concurrent.TimeUnit;

/**
 * The Kafka listener's Netty transport: Linux epoll when available and wanted ({@code useEpollNativeSelector}), Java
 * NIO otherwise. Its own event loops (threads {@code ternmq-kafka-*}), so Kafka traffic and native traffic show apart
 * in thread dumps and cannot starve each other's accept loop.
 *
 * @param name         "epoll" or "nio"
 * @param boss         accepts connections
 * @param workers      runs the connections' event loops
 * @param channelClass the server channel type matching the groups
 */
record KafkaTransport(String name, EventLoopGroup boss, EventLoopGroup workers,
                      Class<? extends ServerChannel> channelClass) {

    static KafkaTransport create(boolean preferEpoll, int ioThreads) {
        boolean epoll = preferEpoll && Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new KafkaTransport(epoll ? "epoll" : "nio",
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ternmq-kafka-accept"), factory),
                new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("ternmq-kafka-io"), factory),
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
    }

    /** Shuts both groups down and waits (bounded) for them. */
    void shutdown() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(5_000);
        workers.terminationFuture().awaitUninterruptibly(5_000);
    }
}
