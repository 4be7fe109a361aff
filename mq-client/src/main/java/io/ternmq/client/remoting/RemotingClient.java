package io.ternmq.client.remoting;

import io.ternmq.client.BrokerAddress;
import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQBrokerException;
import io.ternmq.client.MQClientException;
import io.ternmq.client.RemotingException;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.FrameDecoder;
import io.ternmq.protocol.codec.FrameEncoder;
import io.ternmq.protocol.command.Body;
import io.ternmq.protocol.command.Command;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Hello;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection to one broker speaking the native protocol: connects lazily, negotiates the version with HELLO,
 * matches responses to requests by id, times requests out, dispatches broker-initiated requests to a handler table
 * and reconnects after a failure (with back-off, and on the next request).
 *
 * <p>Failures arrive as {@link MQClientException}s: {@link MQBrokerException} for error responses,
 * {@link RemotingException} for connect failures, closed connections and timeouts. Futures complete on a callback
 * executor, never on a Netty I/O thread.
 *
 * <p>Thread-safe. Listeners registered with {@link #onConnected} run after every successful (re)connect; consumers
 * use that to re-register with a restarted broker at once.
 */
public final class RemotingClient implements AutoCloseable {
    /** Sent in HELLO; informational. */
    public static final String CLIENT_VERSION = "ternmq-java/0.1.0";
    private static final System.Logger LOG = System.getLogger(RemotingClient.class.getName());
    private static final long RECONNECT_MIN_MS = 100;
    private static final long RECONNECT_MAX_MS = 2000;
    /**
     * Response bodies from this size on are gathered into an array of their own as they arrive: pull responses,
     * whose messages become views over that array without a further copy (see {@code PulledMessages}).
     */
    static final int GATHER_BODIES_FROM = 64 * 1024;

    private final ClientConfig config;
    private final BrokerAddress address;
    private final Connector connector;
    private final ScheduledExecutorService timer;
    private final Executor callbacks;
    private final ExecutorService ownedCallbacks; // null when the executor was given
    private final ServerRequestDispatcher dispatcher;
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final Object lock = new Object();
    private CompletableFuture<Connection> current; // guarded by lock
    private long reconnectDelayMs = RECONNECT_MIN_MS; // guarded by lock
    private volatile boolean closed;

    public RemotingClient(ClientConfig config) {
        this(config, new NettyConnector(config.ioThreads(), config.requestTimeout(), config.clientId()));
    }

    /** With a custom connector, e.g. one that builds {@code EmbeddedChannel}s in tests. */
    public RemotingClient(ClientConfig config, Connector connector) {
        this(config, connector, null);
    }

    /**
     * @param callbacks where futures complete and broker requests are handled; null for an owned pool. Tests pass a
     *                  direct executor so that everything touching an {@code EmbeddedChannel} stays on one thread.
     *                  Callbacks must not block when it is an I/O-free direct executor shared with other work.
     */
    public RemotingClient(ClientConfig config, Connector connector, Executor callbacks) {
        this.config = config;
        this.address = BrokerAddress.parse(config.brokerAddress());
        this.connector = connector;
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1, daemon("ternmq-timer"));
        stpe.setRemoveOnCancelPolicy(true);
        this.timer = stpe;
        this.ownedCallbacks = callbacks != null ? null : Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("ternmq-callback"));
        this.callbacks = callbacks != null ? callbacks : ownedCallbacks;
        this.dispatcher = new ServerRequestDispatcher(this.callbacks);
    }

    public ClientConfig config() {
        return config;
    }

    /** Connects (if not yet connected) and completes when the HELLO handshake is done. */
    public CompletableFuture<Void> connect() {
        return connection().thenApply(c -> null);
    }

    /** Sends a request with the configured default timeout. */
    public <Q extends Body, R extends Body> CompletableFuture<R> invoke(Command<Q, R> command, Q request) {
        return invoke(command, request, config.requestTimeout());
    }

    /**
     * Sends a request and completes with the decoded response body, or exceptionally with an
     * {@link MQClientException}. The timeout counts from the moment the request is written.
     */
    public <Q extends Body, R extends Body> CompletableFuture<R> invoke(Command<Q, R> command, Q request,
                                                                       Duration timeout) {
        CompletableFuture<R> result = new CompletableFuture<>();
        connection().whenComplete((conn, error) -> {
            if (error != null) {
                result.completeExceptionally(ResponseErrors.unwrap(error));
                return;
            }
            conn.invoke(command, request, timeout).whenComplete((r, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(r);
                }
            });
        });
        return result;
    }

    /** Sends a request that expects no response; completes once the frame is written. */
    public <Q extends Body> CompletableFuture<Void> invokeOneWay(Command<Q, ?> command, Q request) {
        return connection().thenCompose(conn -> conn.invokeOneWay(command, request));
    }

    /** Installs the handler for a broker-initiated command, replacing any earlier one. */
    public <Q extends Body, R extends Body> void registerHandler(Command<Q, R> command,
                                                                 ServerRequestHandler<Q, R> handler) {
        dispatcher.register(command, handler);
    }

    /** Runs after each successful connect or reconnect, on the callback executor. */
    public void onConnected(Runnable listener) {
        connectListeners.add(listener);
    }

    /** The negotiated protocol version, or -1 when not connected. */
    public int protocolVersion() {
        synchronized (lock) {
            if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
                return -1;
            }
            return current.join().version();
        }
    }

    public boolean isConnected() {
        return protocolVersion() > 0 && currentConnectionActive();
    }

    private boolean currentConnectionActive() {
        synchronized (lock) {
            return current != null && current.isDone() && !current.isCompletedExceptionally()
                    && current.join().isActive();
        }
    }

    private CompletableFuture<Connection> connection() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(
                        new MQClientException(ErrorCode.SERVICE_NOT_AVAILABLE, "client " + config.clientId() + " is closed"));
            }
            CompletableFuture<Connection> c = current;
            if (c != null && (!c.isDone() || (!c.isCompletedExceptionally() && c.join().isActive()))) {
                return c;
            }
            CompletableFuture<Connection> next = openConnection();
            current = next;
            next.whenCompleteAsync((conn, error) -> {
                if (error == null) {
                    synchronized (lock) {
                        reconnectDelayMs = RECONNECT_MIN_MS;
                    }
                    connectListeners.forEach(this::runListener);
                }
            }, callbacks);
            return next;
        }
    }

    private CompletableFuture<Connection> openConnection() {
        InFlightRequests inFlight = new InFlightRequests(timer, callbacks);
        ClientFrameHandler handler = new ClientFrameHandler(inFlight, dispatcher, this::connectionLost);
        CompletableFuture<Connection> result = new CompletableFuture<>();
        connector.connect(address, new FrameDecoder(config.maxFrameSize(), GATHER_BODIES_FROM), FrameEncoder.INSTANCE,
                        handler)
                .whenComplete((channel, error) -> {
                    if (error != null) {
                        result.completeExceptionally(new RemotingException(RemotingException.Kind.CONNECT_FAILED,
                                "cannot connect to " + address + ": " + error.getMessage(), error));
                        return;
                    }
                    Connection conn = new Connection(channel, inFlight, ProtocolVersion.MIN_SUPPORTED);
                    // HELLO always travels as version 1 so that any broker can read it
                    conn.invoke(Commands.HELLO, new Hello.Request(ProtocolVersion.MIN_SUPPORTED,
                                    ProtocolVersion.CURRENT, config.clientId(), CLIENT_VERSION), config.requestTimeout())
                            .whenComplete((hello, e) -> {
                                if (e == null && !ProtocolVersion.isSupported(hello.version())) {
                                    e = new MQBrokerException(ErrorCode.UNSUPPORTED_VERSION,
                                            "broker chose version " + hello.version());
                                }
                                if (e != null) {
                                    conn.close();
                                    result.completeExceptionally(handshakeFailure(e));
                                } else {
                                    conn.version(hello.version());
                                    result.complete(conn);
                                }
                            });
                });
        return result;
    }

    private MQClientException handshakeFailure(Throwable e) {
        MQClientException cause = ResponseErrors.unwrap(e);
        if (cause instanceof MQBrokerException) {
            return cause;
        }
        return new RemotingException(RemotingException.Kind.CONNECT_FAILED,
                "HELLO with " + address + " failed: " + cause.getMessage(), cause);
    }

    private void runListener(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connect listener failed", e);
        }
    }

    private void connectionLost() {
        if (!closed) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closed || !reconnectScheduled.compareAndSet(false, true)) {
            return;
        }
        long delay;
        synchronized (lock) {
            delay = reconnectDelayMs;
            reconnectDelayMs = Math.min(RECONNECT_MAX_MS, reconnectDelayMs * 2);
        }
        try {
            timer.schedule(() -> {
                reconnectScheduled.set(false);
                connection().whenComplete((c, e) -> {
                    if (e != null) {
                        scheduleReconnect();
                    }
                });
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reconnectScheduled.set(false); // closing
        }
    }

    @Override
    public void close() {
        CompletableFuture<Connection> c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
        }
        if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
            c.join().close();
        }
        timer.shutdownNow();
        connector.close();
        if (ownedCallbacks != null) {
            ownedCallbacks.shutdown();
            try {
                ownedCallbacks.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + config.clientId() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
