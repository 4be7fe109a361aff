package io.ternmq.broker;

import io.ternmq.broker.client.ConsumerGroupRegistry;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.delay.DelayLevels;
import io.ternmq.broker.delay.ScheduleRouter;
import io.ternmq.broker.delay.ScheduleService;
import io.ternmq.broker.group.SubscriptionGroupRegistry;
import io.ternmq.broker.handler.NativeHandlers;
import io.ternmq.broker.longpolling.MessageArrivals;
import io.ternmq.broker.longpolling.PullRequestHoldService;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.remoting.HandlerRegistry;
import io.ternmq.broker.remoting.NativeServer;
import io.ternmq.broker.spi.ProtocolHandler;
import io.ternmq.broker.stats.BrokerStats;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.MessageStores;
import io.ternmq.broker.store.StoreConfig;
import io.ternmq.broker.topic.TopicRegistry;
import io.ternmq.broker.handler.tx.NativeCheckBackSender;
import io.ternmq.broker.tx.CheckBackRunner;
import io.ternmq.broker.tx.TransactionCheckScheduler;
import io.ternmq.broker.tx.TransactionSettings;
import io.ternmq.broker.tx.TransactionalMessageService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A running broker: the store, the core services ({@link BrokerCore}), the native protocol server, and any
 * {@link ProtocolHandler} plug-ins found on the class path.
 *
 * <p>Start-up order: store (with crash recovery) → metadata (topics, groups, offsets) → core → native server →
 * plug-ins. {@link #close()} reverses it gracefully: stop accepting, answer held pulls, finish in-flight requests,
 * persist offsets, close the store (which writes its clean-shutdown marker).
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread (e.g. a shutdown hook), more than once.
 */
public final class Broker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    private final BrokerConfig config;
    private final MessageStore store;
    private final BrokerCore core;
    private final PullRequestHoldService holds;
    private final ScheduleService schedule;
    private final NativeServer server;
    private final ScheduledExecutorService housekeeping;
    private final TransactionalMessageService transactions;
    private final TransactionCheckScheduler transactionChecks;
    private final List<ProtocolHandler> plugins = new ArrayList<>();
    private final String advertisedHost;
    private boolean closed;

    private Broker(BrokerConfig config, Function<StoreConfig, MessageStore> storeFactory, Clock clock) {
        this.config = config;
        this.advertisedHost = AdvertisedHost.resolve(config.get(BrokerConfigKeys.BROKER_IP1));
        String storeHost = advertisedHost + ":" + config.get(BrokerConfigKeys.LISTEN_PORT);
        this.store = storeFactory.apply(config.toStoreConfig(storeHost, clock));
        try {
            Path configDir = config.storePathRootDir().resolve("config");
            TopicRegistry topics = new TopicRegistry(configDir, config.get(BrokerConfigKeys.AUTO_CREATE_TOPIC_ENABLE),
                    config.get(BrokerConfigKeys.DEFAULT_TOPIC_QUEUE_NUMS));
            ConsumerOffsetStore offsets = new ConsumerOffsetStore(configDir);
            SubscriptionGroupRegistry subscriptionGroups = new SubscriptionGroupRegistry(configDir,
                    config.get(BrokerConfigKeys.AUTO_CREATE_SUBSCRIPTION_GROUP));
            BrokerStats stats = new BrokerStats(clock.millis());
            DelayLevels delayLevels = DelayLevels.parse(config.get(BrokerConfigKeys.MESSAGE_DELAY_LEVEL));
            MessageService messages = new MessageService(store, topics, stats,
                    config.get(BrokerConfigKeys.MAX_MESSAGE_SIZE), new ScheduleRouter(delayLevels,
                    config.get(BrokerConfigKeys.TIMER_MAX_DELAY_SEC), clock));
            this.schedule = new ScheduleService(messages, delayLevels, configDir, clock);
            MessageArrivals arrivals = new MessageArrivals();
            this.core = new BrokerCore(config, clock, messages, topics, offsets, new ConsumerGroupRegistry(clock),
                    subscriptionGroups, stats, advertisedHost, arrivals);
            this.holds = new PullRequestHoldService(config.get(BrokerConfigKeys.LONG_POLLING_MAX_HELD_REQUESTS), 2,
                    store::maxOffset);
            arrivals.subscribe(holds);
            store.setArrivalListener(arrivals);
            TransactionSettings txSettings = TransactionSettings.of(config);
            this.transactions = new TransactionalMessageService(messages, topics, clock, txSettings);
            transactions.recover(config.get(BrokerConfigKeys.MESSAGE_INDEX_ENABLE));
            this.transactionChecks = new TransactionCheckScheduler(new CheckBackRunner(transactions,
                    core.consumerGroups(), new NativeCheckBackSender()), txSettings.tickMs());
            HandlerRegistry handlers = NativeHandlers.create(core, holds, this::nativeAddress,
                    this::connectionCount, transactions);
            this.server = new NativeServer(config, handlers, core.consumerGroups());
            this.housekeeping = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "ternmq-housekeeping");
                t.setDaemon(true);
                return t;
            });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Starts a broker with the real store. */
    public static Broker start(BrokerConfig config) {
        return start(config, MessageStores::open, Clock.systemUTC());
    }

    /**
     * Starts a broker with a given store factory and clock (tests).
     *
     * @throws IllegalStateException when the port cannot be bound or a plug-in fails to start (everything
     *                               started so far is closed again)
     */
    public static Broker start(BrokerConfig config, Function<StoreConfig, MessageStore> storeFactory, Clock clock) {
        Broker broker = new Broker(config, storeFactory, clock);
        try {
            broker.startServices();
        } catch (Exception e) {
            broker.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("broker failed to start: " + e.getMessage(), e);
        }
        return broker;
    }

    private void startServices() throws Exception {
        server.start();
        schedule.start();
        transactionChecks.start();
        int offsetInterval = config.get(BrokerConfigKeys.FLUSH_CONSUMER_OFFSET_INTERVAL);
        housekeeping.scheduleWithFixedDelay(this::persistOffsets, offsetInterval, offsetInterval,
                TimeUnit.MILLISECONDS);
        long expiry = config.get(BrokerConfigKeys.CHANNEL_EXPIRED_TIMEOUT);
        long scanEvery = Math.max(50, Math.min(10_000, expiry / 4));
        housekeeping.scheduleWithFixedDelay(() -> core.consumerGroups().expire(expiry), scanEvery, scanEvery,
                TimeUnit.MILLISECONDS);
        for (ProtocolHandler plugin : ServiceLoader.load(ProtocolHandler.class)) {
            plugin.start(core);
            plugins.add(plugin);
            LOG.log(System.Logger.Level.INFO, "protocol handler {0} listening on {1}", plugin.name(),
                    plugin.listenAddress());
        }
    }

    private void persistOffsets() {
        try {
            core.offsets().persistIfDirty();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot persist consumer offsets; will retry", e);
        }
    }

    /** The port the native server is bound to (the actual one when listenPort is 0). */
    public int nativePort() {
        return server.port();
    }

    /** The advertised {@code host:port} of the native server. */
    public String nativeAddress() {
        return advertisedHost + ":" + nativePort();
    }

    /** Open native protocol connections. */
    public int connectionCount() {
        return server.connectionCount();
    }

    /** Delivery of delayed messages (tests drive it with {@link ScheduleService#tick()}). */
    public ScheduleService schedule() {
        return schedule;
    }

    /** The core services, as plug-ins see them. */
    public BrokerCore core() {
        return core;
    }

    public BrokerConfig config() {
        return config;
    }

    /** Transactional (half) messages: pending and parked ones, for operators and tests. */
    public TransactionalMessageService transactions() {
        return transactions;
    }

    /** Protocol plug-ins that were started. */
    public List<ProtocolHandler> plugins() {
        return List.copyOf(plugins);
    }

    /** Graceful shutdown; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.log(System.Logger.Level.INFO, "broker {0} shutting down", config.get(BrokerConfigKeys.BROKER_NAME));
        for (ProtocolHandler plugin : plugins) {
            closeQuietly(plugin::close, "protocol handler " + plugin.name());
        }
        server.stopAccepting();
        closeQuietly(transactionChecks::close, "transaction check-backs");
        closeQuietly(holds::close, "long polling");
        closeQuietly(server::close, "native server");
        housekeeping.shutdownNow();
        closeQuietly(schedule::close, "schedule delivery");
        closeQuietly(() -> core.offsets().persistIfDirty(), "consumer offsets");
        closeQuietly(store::close, "store");
        LOG.log(System.Logger.Level.INFO, "broker {0} stopped", config.get(BrokerConfigKeys.BROKER_NAME));
    }

    private static void closeQuietly(Runnable step, String what) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "error while closing " + what, e);
        }
    }
}
