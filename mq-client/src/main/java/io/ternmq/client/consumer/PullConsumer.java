package io.ternmq.client.consumer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQClientException;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.Blocking;
import io.ternmq.client.internal.HeartbeatService;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.message.MessageModel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer where the application decides which queues to read and when: it pulls from explicit offsets (or from
 * a tracked position) and commits offsets itself.
 *
 * <pre>{@code
 * try (PullConsumer c = PullConsumer.builder().brokerAddress(addr).consumerGroup("audit").build()) {
 *     c.start();
 *     for (MessageQueue mq : c.fetchQueues("OrderTopic")) {
 *         PullResult r = c.pull(mq, c.committed(mq).orElse(0), 32, Duration.ofSeconds(1));
 *         r.messages().forEach(m -> handle(m));
 *         c.commitSync(mq, r.nextOffset());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe; positions are tracked per queue.
 */
public final class PullConsumer implements AutoCloseable {
    private final ClientConfig config;
    private final String group;
    private final RemotingClient remoting;
    private final TopicRouteCache routes;
    private final BrokerPuller puller;
    private final RemoteOffsets offsets;
    private final HeartbeatService heartbeat;
    private final Map<MessageQueue, Long> positions = new ConcurrentHashMap<>();
    private volatile List<MessageQueue> assignment = List.of();
    private volatile SubscriptionFilter defaultFilter;
    private volatile boolean started;
    private volatile boolean closed;

    private PullConsumer(Builder b) {
        this.config = b.config != null ? b.config : ClientConfig.of(Objects.requireNonNull(b.brokerAddress,
                "brokerAddress"));
        this.group = Objects.requireNonNull(b.consumerGroup, "consumerGroup");
        this.remoting = new RemotingClient(config);
        this.routes = new TopicRouteCache(remoting, Duration.ofSeconds(30));
        this.puller = new BrokerPuller(remoting, group);
        this.offsets = new RemoteOffsets(remoting, group);
        this.defaultFilter = SubscriptionFilter.parse("*", b.selector);
        this.heartbeat = new HeartbeatService(remoting, () -> new Heartbeat.Request(config.clientId(), List.of(),
                List.of(new Heartbeat.ConsumerGroup(group, MessageModel.CLUSTERING, Heartbeat.ConsumeType.PULL,
                        assignment.stream().map(MessageQueue::topic).distinct()
                                .map(t -> SubscriptionFilter.parse(t, defaultFilter.selector()).subscription()).toList()))));
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        heartbeat.start().exceptionally(refused -> {
            // a refused selector also fails every pull with the same message; log it once here
            System.getLogger(PullConsumer.class.getName()).log(System.Logger.Level.WARNING,
                    "broker refused the subscription: " + refused.getMessage());
            return null;
        });
    }

    /** The topic's queues, from the broker. */
    public List<MessageQueue> fetchQueues(String topic) {
        ensureRunning();
        return Blocking.await(routes.refresh(topic)).queues();
    }

    /** Sets the queues this consumer reads with {@link #pull(MessageQueue, int, Duration)} (replaces the old set). */
    public void assign(List<MessageQueue> queues) {
        this.assignment = List.copyOf(queues);
        positions.keySet().retainAll(assignment);
        if (started && !closed) {
            heartbeat.beat(); // tell the broker our topics now, for consumerProgress and listGroups
        }
    }

    public List<MessageQueue> assignment() {
        return assignment;
    }

    /** Pulls from an explicit offset; does not move the tracked position. */
    public PullResult pull(MessageQueue mq, long offset, int maxMessages, Duration maxWait) {
        return Blocking.await(pullAsync(mq, offset, maxMessages, maxWait));
    }

    /**
     * Pulls from an explicit offset without blocking; does not move the tracked position. Several pulls may be in
     * flight at once (one per queue keeps every queue busy while the caller works on earlier results); the future
     * completes on the client's I/O callback thread, so a caller should hand heavy work elsewhere.
     */
    public CompletableFuture<PullResult> pullAsync(MessageQueue mq, long offset, int maxMessages, Duration maxWait) {
        ensureRunning();
        return puller.pull(mq, SubscriptionFilter.parse(mq.topic(), defaultFilter.selector()), offset, maxMessages,
                maxWait, -1);
    }

    /**
     * Pulls from the tracked position ({@link #seek}, else the committed offset, else the queue's first offset) and
     * moves the position to {@link PullResult#nextOffset()}.
     */
    public PullResult pull(MessageQueue mq, int maxMessages, Duration maxWait) {
        long offset = position(mq);
        PullResult r = pull(mq, offset, maxMessages, maxWait);
        positions.put(mq, r.nextOffset());
        return r;
    }

    /** Moves the tracked position of a queue. */
    public void seek(MessageQueue mq, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        positions.put(mq, offset);
    }

    /** The tracked position: last seek or pull, else the committed offset, else the queue's min offset. */
    public long position(MessageQueue mq) {
        Long p = positions.get(mq);
        if (p != null) {
            return p;
        }
        OptionalLong c = committed(mq);
        long start = c.isPresent() ? c.getAsLong() : minOffset(mq);
        positions.putIfAbsent(mq, start);
        return positions.get(mq);
    }

    /** Commits the group's offset for a queue: the next offset to consume. */
    public void commitSync(MessageQueue mq, long offset) {
        ensureRunning();
        Blocking.await(offsets.commit(Map.of(mq, offset)));
    }

    /** The group's committed offset for a queue, or empty when it has none. */
    public OptionalLong committed(MessageQueue mq) {
        ensureRunning();
        return Blocking.await(offsets.query(mq));
    }

    /** The first offset stored at or after a time (for "seek to time"). */
    public long searchOffset(MessageQueue mq, long timestamp) {
        ensureRunning();
        return Blocking.await(offsets.searchOffset(mq, timestamp));
    }

    private long minOffset(MessageQueue mq) {
        return Blocking.await(routes.refresh(mq.topic())).queueStatus().stream()
                .filter(q -> q.queueId() == mq.queueId()).mapToLong(q -> q.minOffset()).findFirst().orElse(0);
    }

    private void ensureRunning() {
        if (!started || closed) {
            throw new MQClientException(ErrorCode.SERVICE_NOT_AVAILABLE, "pull consumer is not running");
        }
    }

    public String consumerGroup() {
        return group;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            heartbeat.stopAndUnregister();
        } else {
            heartbeat.close();
        }
        remoting.close();
    }

    /** Builder of {@link PullConsumer}; not thread-safe. */
    public static final class Builder {
        private String brokerAddress;
        private ClientConfig config;
        private String consumerGroup;
        private MessageSelector selector = MessageSelector.all();

        private Builder() {
        }

        public Builder brokerAddress(String brokerAddress) {
            this.brokerAddress = brokerAddress;
            return this;
        }

        public Builder clientConfig(ClientConfig config) {
            this.config = config;
            return this;
        }

        public Builder consumerGroup(String consumerGroup) {
            this.consumerGroup = consumerGroup;
            return this;
        }

        /** Tag filter applied to every pull ({@code *}). */
        public Builder tagExpression(String tagExpression) {
            return selector(MessageSelector.byTag(tagExpression));
        }

        /** Tag or SQL92 selector applied at the broker to every pull (default: everything). */
        public Builder selector(MessageSelector selector) {
            SubscriptionFilter.parse("*", selector);
            this.selector = Objects.requireNonNull(selector, "selector");
            return this;
        }

        public PullConsumer build() {
            return new PullConsumer(this);
        }
    }
}
