package io.ternmq.client.consumer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.HeartbeatService;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.Empty;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.command.SendBack;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.protocol.message.MessageProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer that pulls on its own and pushes messages to a {@link MessageListener}.
 *
 * <pre>{@code
 * PushConsumer consumer = PushConsumer.builder().brokerAddress("127.0.0.1:9876").consumerGroup("order-service")
 *         .subscribe("OrderTopic", "created || paid").consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET).build();
 * consumer.registerListener((msgs, ctx) -> { msgs.forEach(this::handle); return ConsumeStatus.CONSUME_SUCCESS; });
 * consumer.start();
 * ...
 * consumer.shutdown();
 * }</pre>
 *
 * <p><b>Delivery.</b> At least once. In {@link MessageModel#CLUSTERING} the group's members divide the queues
 * ({@link AllocateStrategy}) and rebalance when members come and go (on the broker's notification, at start and
 * every {@code rebalanceInterval}); a queue is given up only after its running listener calls finished and its
 * offset is committed, and taken over after {@code handoverDelay}, so two members do not process the same message
 * at the same time as long as a listener call is shorter than {@code handoverDelay}. Offsets (the lowest
 * unacknowledged offset per queue) are committed to the broker every {@code persistInterval}, with every pull, on
 * rebalance and at shutdown. In {@link MessageModel#BROADCASTING} every member gets every message and keeps its
 * offsets in a local file under {@code offsetStoreDir}.
 *
 * <p><b>Orderly consumption.</b> Register a {@link MessageListenerOrderly} with {@link #registerOrderlyListener}
 * instead: each queue is then consumed by one thread at a time in offset order, and (clustering) only while this
 * member holds the queue's lock at the broker (LOCK_QUEUES, renewed every {@code rebalanceLockInterval}), so no
 * two members consume one queue at once whatever the listener's duration; the {@code handoverDelay} is not used.
 * A failed call blocks its queue and is retried in place after {@code suspendCurrentQueueTime}. See
 * docs/ordered-messages.md.
 *
 * <p><b>Failures.</b> A listener that returns {@link ConsumeStatus#RECONSUME_LATER} or throws fails its messages.
 * In {@link MessageModel#CLUSTERING} they are handed back to the broker, which redelivers them to the group (any
 * member) through {@code %RETRY%group} after a back-off per attempt (delay level {@code 3 + reconsumeTimes}, i.e.
 * 10 s, 30 s, 1 min, ... 2 h with the default levels, or {@link ConsumeContext#delayLevelWhenNextConsume}), and
 * after {@code maxReconsumeTimes} retries moves them to {@code %DLQ%group}. The consumer subscribes to its retry
 * topic by itself, and a redelivered message shows its original topic with {@code reconsumeTimes} counted up. When
 * the broker cannot take a message back, it is delivered again in this client after {@code reconsumeDelay}. In
 * {@link MessageModel#BROADCASTING} failed messages are always redelivered locally after {@code reconsumeDelay}
 * (a broker-side retry would reach every member again), without a limit. Orderly listeners retry in place (above) and never use the retry topic.
 *
 * <p><b>Pausing.</b> {@link #pause()} stops pulls and listener calls without leaving the group or giving up queues
 * and locks; {@link #resume()} goes on where it stopped ({@code PauseGate}).
 *
 * <p><b>Collaborators</b>: {@code RebalanceService} (ownership), {@code PullService} (long-polling pull loop, flow
 * control), {@code ProcessQueue} (per-queue state and the commit offset), {@code ConsumeService} (listener threads),
 * {@code OffsetStore} (remote or local file). Thread-safe.
 */
public final class PushConsumer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PushConsumer.class.getName());

    private enum State { CREATED, RUNNING, SHUT_DOWN }

    /** Pause before another rebalance round when a queue allocated to us could not be locked yet. */
    private static final long UNSETTLED_RETRY_MS = 200;

    private final ClientConfig config;
    /** Final once started: a concurrent clustering consumer adds its retry topic in {@link #start()}. */
    private volatile ConsumerSettings settings;
    private final RemotingClient remoting;
    private final TopicRouteCache routes;
    private final RemoteOffsets remoteOffsets;
    private final OffsetStore offsetStore;
    private final HeartbeatService heartbeat;
    private final ScheduledExecutorService pullScheduler;
    private final ScheduledExecutorService rebalanceExecutor;
    private final int maxReconsumeTimes;
    private final AtomicInteger pendingRebalances = new AtomicInteger();
    private final PauseGate gate = new PauseGate();
    private volatile MessageListener listener;
    private volatile MessageListenerOrderly orderlyListener;
    private ConsumeDispatcher consumeService;
    private RebalanceService rebalance;
    private volatile State state = State.CREATED;

    private PushConsumer(Builder b) {
        this.config = b.config != null ? b.config : ClientConfig.of(Objects.requireNonNull(b.brokerAddress,
                "brokerAddress"));
        this.settings = b.settings();
        this.maxReconsumeTimes = b.maxReconsumeTimes;
        this.remoting = new RemotingClient(config);
        this.routes = new TopicRouteCache(remoting, Duration.ofSeconds(30));
        this.remoteOffsets = new RemoteOffsets(remoting, settings.group());
        this.offsetStore = settings.model() == MessageModel.CLUSTERING ? new RemoteOffsetStore(remoteOffsets)
                : new LocalFileOffsetStore(settings.offsetStoreDir(), settings.group(), settings.instanceName());
        this.heartbeat = new HeartbeatService(remoting, () -> new Heartbeat.Request(config.clientId(), List.of(),
                List.of(new Heartbeat.ConsumerGroup(settings.group(), settings.model(), Heartbeat.ConsumeType.PUSH,
                        settings.subscriptions().values().stream().map(SubscriptionFilter::subscription).toList()))));
        this.pullScheduler = Executors.newSingleThreadScheduledExecutor(daemon("ternmq-pull-"));
        this.rebalanceExecutor = Executors.newSingleThreadScheduledExecutor(daemon("ternmq-rebalance-"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets the (concurrent) listener; must be called before {@link #start()}. */
    public void registerListener(MessageListener listener) {
        if (state != State.CREATED) {
            throw new IllegalStateException("register the listener before start()");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.orderlyListener = null;
    }

    /**
     * Sets an orderly listener instead: queues are consumed one call at a time in offset order, under a broker
     * lock in clustering mode (see the class doc). Must be called before {@link #start()}.
     */
    public void registerOrderlyListener(MessageListenerOrderly listener) {
        if (state != State.CREATED) {
            throw new IllegalStateException("register the listener before start()");
        }
        this.orderlyListener = Objects.requireNonNull(listener, "listener");
        this.listener = null;
    }

    /** Registers with the broker and starts rebalancing, pulling and consuming. */
    public synchronized void start() {
        if (state != State.CREATED) {
            throw new IllegalStateException("consumer is " + state);
        }
        if (listener == null && orderlyListener == null) {
            throw new IllegalStateException("registerListener(...) before start()");
        }
        boolean clustering = settings.model() == MessageModel.CLUSTERING;
        if (clustering && orderlyListener == null) {
            // failed messages come back through the group's retry topic (orderly listeners retry in place)
            settings = settings.withRetrySubscription();
        }
        OrderlyQueueLocks locks = null;
        if (orderlyListener != null) {
            consumeService = new OrderlyConsumeService(settings, orderlyListener, offsetStore, pullScheduler,
                    clustering, config.clientId(), gate);
            if (clustering) {
                locks = new OrderlyQueueLocks(new QueueLocker(remoting, settings.group(), config.clientId()),
                        settings.orderly(), System::currentTimeMillis);
            }
        } else {
            ConsumeService concurrent = new ConsumeService(settings, listener, offsetStore, config.clientId(), gate);
            ConsumeFailurePolicy local = new LocalRedelivery(pullScheduler, settings.reconsumeDelay().toMillis());
            concurrent.failurePolicy(clustering
                    ? new BrokerSendBack(remoting, settings.group(), maxReconsumeTimes, local) : local);
            consumeService = concurrent;
        }
        StartOffsetResolver start = new StartOffsetResolver(settings, offsetStore, routes, remoteOffsets);
        PullService pull = new PullService(settings, new BrokerPuller(remoting, settings.group()), consumeService,
                offsetStore, start, pullScheduler, gate);
        rebalance = new RebalanceService(settings, config.clientId(), remoting, routes, offsetStore, pull,
                heartbeat::beat, locks);
        remoting.registerHandler(Commands.NOTIFY_CONSUMER_IDS_CHANGED, req -> {
            if (settings.group().equals(req.group())) {
                triggerRebalance();
            }
            return Empty.INSTANCE;
        });
        remoting.onConnected(this::triggerRebalance);
        state = State.RUNNING;
        // register before the first rebalance so that we are in the member list it reads
        try {
            heartbeat.start().join();
        } catch (CompletionException refused) {
            // the broker refused a subscription (e.g. malformed SQL92): no retry can fix it, so do not start
            shutdown();
            throw (RuntimeException) refused.getCause();
        }
        long rebalanceMs = settings.rebalanceInterval().toMillis();
        rebalanceExecutor.scheduleWithFixedDelay(this::rebalanceNow, 0, rebalanceMs, TimeUnit.MILLISECONDS);
        long persistMs = settings.persistInterval().toMillis();
        rebalanceExecutor.scheduleWithFixedDelay(() -> rebalance.persistAll(), persistMs, persistMs,
                TimeUnit.MILLISECONDS);
        if (locks != null) {
            long lockMs = settings.orderly().lockInterval().toMillis();
            rebalanceExecutor.scheduleWithFixedDelay(this::renewLocks, lockMs, lockMs, TimeUnit.MILLISECONDS);
        }
    }

    private void renewLocks() {
        try {
            if (state == State.RUNNING && rebalance.renewLocks()) {
                triggerRebalance();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "renewing queue locks failed", e);
        }
    }

    /** Asks for a rebalance soon; requests arriving while one is queued are merged. */
    private void triggerRebalance() {
        if (state != State.RUNNING || pendingRebalances.getAndIncrement() > 0) {
            return;
        }
        try {
            rebalanceExecutor.execute(() -> {
                pendingRebalances.set(0);
                rebalanceNow();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private void rebalanceNow() {
        try {
            if (state == State.RUNNING && !rebalance.rebalance()) {
                // a queue is still locked by its previous owner, which is finishing it: ask again shortly
                rebalanceExecutor.schedule(this::triggerRebalance, UNSETTLED_RETRY_MS, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "rebalance failed", e);
        }
    }

    /**
     * Stops handing messages to the listener until {@link #resume()}: no new pull is issued and no listener call
     * starts; calls already running finish. Messages already pulled stay cached and unacknowledged (so the committed
     * offset waits for them), and the consumer keeps its queues, their broker locks (orderly) and its place in the
     * group: pausing does not trigger a rebalance, and another member does not take the queues over. A consumer
     * paused before {@link #start()} starts paused. Idempotent.
     */
    public void pause() {
        gate.pause();
    }

    /** Pulls and consumes again after {@link #pause()}, continuing where it stopped. Idempotent. */
    public void resume() {
        gate.resume();
    }

    /** Whether the consumer is paused. */
    public boolean isPaused() {
        return gate.isPaused();
    }

    /**
     * Moves a message this consumer received straight to {@code %DLQ%group} at the broker (SEND_BACK with a negative
     * delay level), without further retries. Meant for messages that can never succeed, e.g. a body that cannot be
     * decoded, delivered to an orderly listener, which otherwise retries in place for ever: once the future
     * completes, return {@link ConsumeOrderlyStatus#SUCCESS} for it so the queue moves on. A concurrent listener
     * sets {@link ConsumeContext#delayLevelWhenNextConsume} to -1 and fails the message instead. Clustering only:
     * a broadcasting group has no dead-letter queue.
     *
     * @return completes when the broker stored the dead letter; fails when it did not (then the message was not
     *         moved)
     */
    public java.util.concurrent.CompletableFuture<Void> sendToDeadLetterQueue(MessageExt message) {
        if (settings.model() != MessageModel.CLUSTERING) {
            throw new IllegalStateException("a broadcasting consumer has no dead-letter queue");
        }
        if (state != State.RUNNING) {
            throw new IllegalStateException("consumer is " + state);
        }
        SendBack.Request request = new SendBack.Request(settings.group(), message.offsetMsgId(), -1,
                maxReconsumeTimes);
        return remoting.invoke(Commands.SEND_BACK, request).thenApply(response -> null);
    }

    /**
     * Graceful stop: stops pulling, lets running listener calls finish (up to {@code shutdownTimeout}), commits
     * offsets, unregisters from the group (so the others take over at once) and closes the connection.
     */
    public synchronized void shutdown() {
        if (state == State.SHUT_DOWN) {
            return;
        }
        boolean wasRunning = state == State.RUNNING;
        state = State.SHUT_DOWN;
        if (wasRunning) {
            try {
                // on the rebalance thread, after any rebalance in progress, so the two never interleave
                rebalanceExecutor.submit(rebalance::stopAndReleaseAll).get(
                        settings.shutdownTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "releasing queues at shutdown failed", e);
            }
            rebalanceExecutor.shutdownNow();
            pullScheduler.shutdownNow();
            try {
                consumeService.shutdown(settings.shutdownTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heartbeat.stopAndUnregister();
        } else {
            rebalanceExecutor.shutdownNow();
            pullScheduler.shutdownNow();
            heartbeat.close();
        }
        remoting.close();
    }

    /** Same as {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /** The queues this member owns now, sorted. */
    public Set<MessageQueue> assignedQueues() {
        return rebalance == null ? Set.of() : new TreeSet<>(rebalance.owned().keySet());
    }

    /** A snapshot of every owned queue's cache and offsets. */
    public Map<MessageQueue, QueueRuntimeInfo> queueRuntimeInfo() {
        Map<MessageQueue, QueueRuntimeInfo> out = new TreeMap<>();
        if (rebalance != null) {
            rebalance.owned().forEach((mq, pq) -> out.put(mq, QueueRuntimeInfo.of(pq)));
        }
        return out;
    }

    public String clientId() {
        return config.clientId();
    }

    public String consumerGroup() {
        return settings.group();
    }

    /** Path of the local offset file (broadcasting), or null (clustering keeps offsets on the broker). */
    public Path localOffsetFile() {
        return offsetStore instanceof LocalFileOffsetStore l ? l.file() : null;
    }

    private java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + config.clientId() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Builder of {@link PushConsumer}; not thread-safe. */
    public static final class Builder {
        private String brokerAddress;
        private ClientConfig config;
        private String consumerGroup;
        private final Map<String, MessageSelector> subscriptions = new LinkedHashMap<>();
        private MessageModel messageModel = MessageModel.CLUSTERING;
        private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.LAST_OFFSET;
        private long consumeTimestamp = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
        private int consumeThreads = 20;
        private int pullBatchSize = 256;
        private int consumeMessageBatchMaxSize = 1;
        private int pullThresholdForQueue = 1000;
        private int pullThresholdSizeForQueue = 100;
        private AllocateStrategy allocateStrategy = AllocateStrategy.AVERAGE;
        private Duration pullMaxWait = Duration.ofSeconds(15);
        private Duration rebalanceInterval = Duration.ofSeconds(20);
        private Duration persistInterval = Duration.ofSeconds(5);
        private Duration reconsumeDelay = Duration.ofSeconds(1);
        private Duration handoverDelay = Duration.ofSeconds(1);
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private Path offsetStoreDir = Path.of(System.getProperty("user.home"), ".ternmq", "offsets");
        private String instanceName = "DEFAULT";
        private int maxReconsumeTimes = -1;
        private Duration suspendCurrentQueueTime = OrderlySettings.DEFAULTS.suspendCurrentQueueTime();
        private Duration rebalanceLockInterval = OrderlySettings.DEFAULTS.lockInterval();
        private Duration lockMaxLiveTime = OrderlySettings.DEFAULTS.lockMaxLiveTime();

        private Builder() {
        }

        /**
         * Clustering: retries before a failed message goes to {@code %DLQ%group}. -1 (default) uses the group's
         * {@code retryMaxTimes} on the broker, 16 unless changed.
         */
        public Builder maxReconsumeTimes(int n) {
            this.maxReconsumeTimes = atLeast(n, -1, "maxReconsumeTimes");
            return this;
        }

        /** {@code host:port} of the broker (or give a full {@link #clientConfig}). */
        public Builder brokerAddress(String brokerAddress) {
            this.brokerAddress = brokerAddress;
            return this;
        }

        /** Connection settings, including {@code clientId} and {@code heartbeatInterval}. */
        public Builder clientConfig(ClientConfig config) {
            this.config = config;
            return this;
        }

        public Builder consumerGroup(String consumerGroup) {
            this.consumerGroup = consumerGroup;
            return this;
        }

        /** Subscribes to a topic with a tag expression: {@code *} or {@code TagA || TagB}. */
        public Builder subscribe(String topic, String tagExpression) {
            return subscribe(topic, MessageSelector.byTag(tagExpression));
        }

        /** Subscribes to a topic with a tag or SQL92 selector, evaluated at the broker. */
        public Builder subscribe(String topic, MessageSelector selector) {
            SubscriptionFilter.parse(topic, selector);
            subscriptions.put(topic, selector);
            return this;
        }

        public Builder messageModel(MessageModel model) {
            this.messageModel = Objects.requireNonNull(model);
            return this;
        }

        /** Where to start on queues the group has no offset for (LAST_OFFSET). */
        public Builder consumeFromWhere(ConsumeFromWhere where) {
            this.consumeFromWhere = Objects.requireNonNull(where);
            return this;
        }

        /** Start time for {@link ConsumeFromWhere#TIMESTAMP} (default: 30 minutes ago). */
        public Builder consumeTimestamp(Instant timestamp) {
            this.consumeTimestamp = timestamp.toEpochMilli();
            return this;
        }

        /** Listener threads (20). */
        public Builder consumeThreads(int n) {
            this.consumeThreads = atLeast(n, 1, "consumeThreads");
            return this;
        }

        /** Messages asked for per pull (256; the broker also caps a response at 4 MiB of bodies). */
        public Builder pullBatchSize(int n) {
            this.pullBatchSize = atLeast(n, 1, "pullBatchSize");
            return this;
        }

        /** Messages per listener call (1). */
        public Builder consumeMessageBatchMaxSize(int n) {
            this.consumeMessageBatchMaxSize = atLeast(n, 1, "consumeMessageBatchMaxSize");
            return this;
        }

        /** Flow control: most messages cached per queue before pulling pauses (1000). */
        public Builder pullThresholdForQueue(int n) {
            this.pullThresholdForQueue = atLeast(n, 1, "pullThresholdForQueue");
            return this;
        }

        /** Flow control: most MiB of bodies cached per queue before pulling pauses (100). */
        public Builder pullThresholdSizeForQueue(int mib) {
            this.pullThresholdSizeForQueue = atLeast(mib, 1, "pullThresholdSizeForQueue");
            return this;
        }

        public Builder allocateStrategy(AllocateStrategy strategy) {
            this.allocateStrategy = Objects.requireNonNull(strategy);
            return this;
        }

        /** How long the broker may hold a pull when nothing is new (15 s). */
        public Builder pullMaxWait(Duration d) {
            this.pullMaxWait = d;
            return this;
        }

        /** Period of the safety-net rebalance (20 s); changes are normally announced by the broker. */
        public Builder rebalanceInterval(Duration d) {
            this.rebalanceInterval = d;
            return this;
        }

        /** Period of offset commits (5 s). */
        public Builder persistInterval(Duration d) {
            this.persistInterval = d;
            return this;
        }

        /** Pause before a failed message is delivered again (1 s). */
        public Builder reconsumeDelay(Duration d) {
            this.reconsumeDelay = d;
            return this;
        }

        /** Wait before consuming a queue taken over from another member (1 s); see the class doc. */
        public Builder handoverDelay(Duration d) {
            this.handoverDelay = d;
            return this;
        }

        /** Longest wait for running listener calls when releasing queues or shutting down (30 s). */
        public Builder shutdownTimeout(Duration d) {
            this.shutdownTimeout = d;
            return this;
        }

        /** Directory of broadcasting offset files (~/.ternmq/offsets). */
        public Builder offsetStoreDir(Path dir) {
            this.offsetStoreDir = dir;
            return this;
        }

        /** Names this member's broadcasting offset file, so several members on one host can share a dir. */
        public Builder instanceName(String name) {
            this.instanceName = name;
            return this;
        }

        /** Orderly: pause before a failed call's messages are delivered again, in place (1 s). */
        public Builder suspendCurrentQueueTime(Duration d) {
            this.suspendCurrentQueueTime = Objects.requireNonNull(d);
            return this;
        }

        /** Orderly: how often queue locks are renewed at the broker (20 s). */
        public Builder rebalanceLockInterval(Duration d) {
            this.rebalanceLockInterval = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Orderly: how long a granted or renewed lock is trusted without a newer renewal (30 s); past it the queue
         * is not consumed. Keep it above {@code rebalanceLockInterval} and below the broker's
         * {@code rebalanceLockMaxLiveTime} (60 s).
         */
        public Builder lockMaxLiveTime(Duration d) {
            this.lockMaxLiveTime = Objects.requireNonNull(d);
            return this;
        }

        public PushConsumer build() {
            return new PushConsumer(this);
        }

        ConsumerSettings settings() {
            Objects.requireNonNull(consumerGroup, "consumerGroup");
            if (subscriptions.isEmpty()) {
                throw new IllegalArgumentException("subscribe(...) to at least one topic");
            }
            if (lockMaxLiveTime.compareTo(rebalanceLockInterval) <= 0) {
                throw new IllegalArgumentException("lockMaxLiveTime " + lockMaxLiveTime
                        + " must exceed rebalanceLockInterval " + rebalanceLockInterval + " (locks would lapse)");
            }
            Map<String, SubscriptionFilter> filters = new LinkedHashMap<>();
            subscriptions.forEach((t, e) -> filters.put(t, SubscriptionFilter.parse(t, e)));
            return new ConsumerSettings(consumerGroup, messageModel, Map.copyOf(filters), consumeFromWhere,
                    consumeTimestamp, consumeThreads, pullBatchSize, consumeMessageBatchMaxSize,
                    pullThresholdForQueue, pullThresholdSizeForQueue, allocateStrategy, pullMaxWait,
                    rebalanceInterval, persistInterval, reconsumeDelay, handoverDelay, shutdownTimeout,
                    offsetStoreDir, instanceName, new OrderlySettings(suspendCurrentQueueTime, rebalanceLockInterval,
                    lockMaxLiveTime));
        }

        private static int atLeast(int v, int min, String name) {
            if (v < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ": " + v);
            }
            return v;
        }
    }
}
