package io.ternmq.kafka.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka listener. Pipeline per connection, one job per handler:
 * {@code FlushConsolidationHandler -> IdleStateHandler(kafkaConnectionsMaxIdleMs) ->
 * RequestFrameDecoder(kafkaMaxRequestSize) -> LengthFieldPrepender(4) -> ConnectionDispatcher(processor,
 * kafkaMaxInFlightRequests) -> ConnectionGuard}. Request processing happens in the {@link RequestProcessor}, off the
 * event loops.
 *
 * <p>Lifecycle: {@link #start} once, {@link #stopAccepting} then {@link #close} once. Thread-safe for the queries in
 * between.
 */
public final class KafkaServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaServer.class.getName());

    private final KafkaSettings settings;
    private final RequestProcessor processor;
    private final ChannelGroup channels = new DefaultChannelGroup("ternmq-kafka", GlobalEventExecutor.INSTANCE);
    private KafkaTransport transport;
    private Channel serverChannel;

    public KafkaServer(KafkaSettings settings, RequestProcessor processor) {
        this.settings = settings;
        this.processor = processor;
    }

    /** Binds {@code bindAddress:kafkaListenPort}; returns once connections are accepted. */
    public void start() throws InterruptedException {
        transport = KafkaTransport.create(settings.useEpoll(), settings.ioThreads());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.boss(), transport.workers())
                .channel(transport.channelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        KafkaConnection connection = KafkaConnection.attach(ch, settings.saslEnabled());
                        // replies complete on worker threads one at a time; consolidating their flushes saves a
                        // write(2) per response under load
                        ch.pipeline().addLast("flushConsolidation", new FlushConsolidationHandler(256, true))
                                .addLast("idle", new IdleStateHandler(0, 0, settings.connectionsMaxIdleMs(),
                                        TimeUnit.MILLISECONDS))
                                .addLast("frameDecoder", new RequestFrameDecoder(settings.maxRequestSize()))
                                .addLast("frameEncoder", new LengthFieldPrepender(RequestFrameDecoder.SIZE_FIELD))
                                .addLast("dispatcher", new ConnectionDispatcher(processor, connection,
                                        settings.maxInFlightRequests()))
                                .addLast("guard", ConnectionGuard.INSTANCE);
                    }
                });
        try {
            serverChannel = bootstrap.bind(new InetSocketAddress(settings.bindAddress(), settings.listenPort()))
                    .sync().channel();
        } catch (Exception e) {
            transport.shutdown();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka listener on {0} ({1}), advertised as {2}:{3}",
                serverChannel.localAddress(), transport.name(), settings.advertisedHost(),
                String.valueOf(settings.advertisedPort(port())));
    }

    /** The bound port (the actual one when kafkaListenPort is 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The bound {@code host:port}. */
    public String boundAddress() {
        InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
        return address.getHostString() + ":" + address.getPort();
    }

    /** Open Kafka connections. */
    public int connectionCount() {
        return channels.size();
    }

    /** Closes the listening socket; existing connections carry on. */
    public void stopAccepting() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
    }

    /** Closes every connection and stops the event loops. */
    @Override
    public void close() {
        stopAccepting();
        channels.close().awaitUninterruptibly(5_000);
        if (transport != null) {
            transport.shutdown();
        }
    }
}
