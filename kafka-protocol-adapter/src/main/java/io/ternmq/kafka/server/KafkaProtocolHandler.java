package io.ternmq.kafka.server;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.spi.ProtocolHandler;
import io.ternmq.kafka.sasl.SaslCredentials;
import io.ternmq.kafka.sasl.SaslExchanges;
import io.ternmq.kafka.sasl.SaslMechanism;
import io.ternmq.kafka.server.handler.KafkaHandlers;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka protocol as a broker plug-in (registered in {@code META-INF/services}): with {@code kafkaEnable=true} it
 * opens the Kafka listener ({@link KafkaServer}) on {@code kafkaListenPort}, serving the APIs of the handler table
 * ({@link KafkaHandlers}) on its own worker pool ({@code serverWorkerThreads} threads named
 * {@code ternmq-kafka-worker-*}). With {@code kafkaEnable=false} it does nothing.
 *
 * <p>Lifecycle (driven by {@link io.ternmq.broker.Broker}): {@link #start} once, {@link #close} once; close stops
 * accepting, lets running handlers finish (bounded by {@code shutdownTimeoutMs}), then closes every connection.
 * Thread-safe.
 */
public final class KafkaProtocolHandler implements ProtocolHandler {
    private static final System.Logger LOG = System.getLogger(KafkaProtocolHandler.class.getName());

    private KafkaServer server;
    private ApiHandlers handlers;
    private ThreadPoolExecutor workers;
    private long shutdownTimeoutMs;
    private boolean closed;

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public synchronized void start(BrokerCore core) throws Exception {
        if (server != null || closed) {
            throw new IllegalStateException("the Kafka protocol handler starts once");
        }
        KafkaSettings settings = KafkaSettings.from(core.config(), core.advertisedHost());
        if (!settings.enabled()) {
            LOG.log(System.Logger.Level.INFO, "Kafka listener disabled (kafkaEnable=false)");
            return;
        }
        SaslExchanges exchanges = null;
        if (settings.saslEnabled()) {
            SaslCredentials users = SaslCredentials.load(settings.saslUsersFile());
            exchanges = new SaslExchanges(settings.saslMechanisms().stream()
                    .map(name -> SaslMechanism.byWireName(name).orElseThrow(
                            () -> new IllegalArgumentException("unknown SASL mechanism " + name)))
                    .toList(), users);
            LOG.log(System.Logger.Level.INFO, "Kafka SASL {0} with {1} users from {2}", settings.saslMechanisms(),
                    users.size(), settings.saslUsersFile());
        }
        LocalNode node = new LocalNode(settings.advertisedHost(), settings.advertisedPort(),
                core.config().get(BrokerConfigKeys.BROKER_NAME));
        shutdownTimeoutMs = core.config().get(BrokerConfigKeys.SHUTDOWN_TIMEOUT_MS);
        workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.workerQueueCapacity()),
                new DefaultThreadFactory("ternmq-kafka-worker", true));
        handlers = KafkaHandlers.create(core, node, exchanges);
        RequestProcessor processor = new ApiRequestProcessor(handlers, workers, PooledByteBufAllocator.DEFAULT);
        KafkaServer started = new KafkaServer(settings, processor);
        try {
            started.start();
        } catch (Exception e) {
            workers.shutdownNow();
            handlers.close();
            throw e;
        }
        node.bound(started.port());
        server = started;
    }

    /** The bound {@code host:port}, or "disabled". */
    @Override
    public synchronized String listenAddress() {
        return server == null ? "disabled" : server.boundAddress();
    }

    /** Open Kafka connections (0 when disabled). */
    public synchronized int connectionCount() {
        return server == null ? 0 : server.connectionCount();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        server.stopAccepting();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(shutdownTimeoutMs, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        // answers waiting fetches and persists producer state while the connections are still open
        handlers.close();
        server.close();
    }
}
