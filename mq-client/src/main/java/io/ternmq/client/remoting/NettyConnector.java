package io.ternmq.client.remoting;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ternmq.client.BrokerAddress;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** TCP connections over Netty NIO; owns its event loop group. Thread-safe. */
public final class NettyConnector implements Connector {
    private final EventLoopGroup group;
    private final Duration connectTimeout;

    public NettyConnector(int ioThreads, Duration connectTimeout, String name) {
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("ternmq-io-" + name, true),
                NioIoHandler.newFactory());
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CompletableFuture<Channel> connect(BrokerAddress address, ChannelHandler... handlers) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(handlers);
                    }
                })
                .connect(address.host(), address.port())
                .addListener(f -> {
                    if (f.isSuccess()) {
                        result.complete(((io.netty.channel.ChannelFuture) f).channel());
                    } else {
                        result.completeExceptionally(f.cause());
                    }
                });
        return result;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
