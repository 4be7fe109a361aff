package io.ternmq.client.remoting;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.ternmq.client.BrokerAddress;

import java.util.concurrent.CompletableFuture;

/**
 * Opens a channel to a broker with the given handlers as its pipeline. The seam that lets the remoting layer be
 * tested on {@code EmbeddedChannel} without sockets.
 */
public interface Connector extends AutoCloseable {
    CompletableFuture<Channel> connect(BrokerAddress address, ChannelHandler... handlers);

    @Override
    void close();
}
