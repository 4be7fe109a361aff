package io.ternmq.broker.remoting;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.protocol.codec.FrameDecoder;
import io.ternmq.protocol.codec.FrameEncoder;

import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The native protocol's TCP server. Pipeline per connection:
 * {@code FlushConsolidationHandler -> IdleStateHandler -> FrameDecoder(maxFrameSize) -> FrameEncoder ->
 * CommandDecoder -> RequestDispatcher -> ConnectionGuard}. Handlers run on a bounded worker pool, never on the event loops.
 *
 * <p>Lifecycle: {@link #start} once, {@link #stopAccepting} then {@link #close} once. Thread-safe for the queries in
 * between.
 */
public final class NativeServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NativeServer.class.getName());

    private final BrokerConfig config;
    private final RequestDispatcher dispatcher;
    private final ConnectionGuard guard;
    private final ThreadPoolExecutor workers;
    private final ChannelGroup channels = new DefaultChannelGroup("ternmq-native", GlobalEventExecutor.INSTANCE);
    private Transport transport;
    private Channel serverChannel;

    public NativeServer(BrokerConfig config, HandlerRegistry handlers, ConsumerGroupRegistry groups) {
        this.config = config;
        int threads = config.get(BrokerConfigKeys.SERVER_WORKER_THREADS);
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.get(BrokerConfigKeys.SERVER_WORKER_QUEUE_CAPACITY)),
                new DefaultThreadFactory("ternmq-worker"));
        this.dispatcher = new RequestDispatcher(handlers, workers);
        this.guard = new ConnectionGuard(groups);
    }

    /** Binds the listen port; returns once the server accepts connections. */
    public void start() throws InterruptedException {
        transport = Transport.create(config.get(BrokerConfigKeys.USE_EPOLL_NATIVE_SELECTOR),
                config.get(BrokerConfigKeys.SERVER_SELECTOR_THREADS));
        int maxFrameSize = config.get(BrokerConfigKeys.MAX_FRAME_SIZE);
        int idleSeconds = config.get(BrokerConfigKeys.CLIENT_CHANNEL_MAX_IDLE_SECONDS);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.boss(), transport.workers())
                .channel(transport.channelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, false)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        // Responses are written from worker and store threads, one writeAndFlush each; under load
                        // many land in one event-loop turn, and consolidating their flushes turns a write(2) per
                        // response into one per turn (or per 256 responses).
                        ch.pipeline().addLast("flushConsolidation", new FlushConsolidationHandler(256, true))
                                .addLast("idle", new IdleStateHandler(0, 0, idleSeconds))
                                .addLast("frameDecoder", new FrameDecoder(maxFrameSize))
                                .addLast("frameEncoder", FrameEncoder.INSTANCE)
                                .addLast("commandDecoder", CommandDecoder.INSTANCE)
                                .addLast("dispatcher", dispatcher)
                                .addLast("guard", guard);
                    }
                });
        InetSocketAddress address = new InetSocketAddress(config.get(BrokerConfigKeys.BIND_ADDRESS),
                config.get(BrokerConfigKeys.LISTEN_PORT));
        try {
            serverChannel = bootstrap.bind(address).sync().channel();
        } catch (Exception e) {
            transport.shutdown();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "native server listening on {0} ({1})", serverChannel.localAddress(),
                transport.name());
    }

    /** The bound port (the actual one when listenPort is 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Open client connections. */
    public int connectionCount() {
        return channels.size();
    }

    /** Closes the listening socket; existing connections carry on. */
    public void stopAccepting() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
    }

    /**
     * Waits up to {@code timeoutMs} for in-flight requests to finish, then closes every connection and stops the
     * event loops.
     */
    public void close(long timeoutMs) {
        stopAccepting();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "{0} requests still running after {1} ms; closing anyway",
                        workers.getActiveCount(), timeoutMs);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        channels.close().awaitUninterruptibly(5_000);
        if (transport != null) {
            transport.shutdown();
        }
    }

    @Override
    public void close() {
        close(config.get(BrokerConfigKeys.SHUTDOWN_TIMEOUT_MS));
    }
}
