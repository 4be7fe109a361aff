package io.ternmq.client.producer;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQClientException;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueueSelector;
import io.ternmq.client.internal.Blocking;
import io.ternmq.client.internal.HeartbeatService;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Heartbeat;
import io.ternmq.protocol.message.OutgoingMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to a broker.
 *
 * <pre>{@code
 * try (Producer producer = Producer.builder().brokerAddress("127.0.0.1:9876").producerGroup("orders").build()) {
 *     producer.start();
 *     SendResult r = producer.send(Message.of("OrderTopic", "hello"));
 * }
 * }</pre>
 *
 * <p>Single-message sends are batched per queue by default ({@link Builder#batching}): while a queue has its
 * limit of SENDs in flight (ordered sends: 1; plain sends: {@link Builder#maxInFlightPerQueue}), further messages
 * for it wait and go out together as one SEND (one stored entry, consecutive offsets), each with its own
 * {@link SendResult}.
 *
 * <p>Plain sends go round-robin over the topic's queues; a retriable failure ({@link MQClientException#retriable()})
 * is retried on another queue up to {@code retryTimesWhenSendFailed} times within {@code sendTimeout}. Ordered sends
 * ({@link #send(Message, String)}, {@link #sendOrderly}) stay on their queue and are not retried. Every message gets
 * a client-generated UNIQ_KEY, returned as {@link SendResult#msgId()}.
 *
 * <p>Thread-safe: one producer may be shared by many threads. A topic the broker does not know yet is sent to as many
 * queues as the broker's {@code defaultTopicQueueNums} (read once from the broker), and the broker creates it when
 * auto-creation is enabled.
 */
public final class Producer implements AutoCloseable {
    private final ClientConfig config;
    private final String producerGroup;
    private final RemotingClient remoting;
    private final TopicRouteCache routes;
    private final MessageSender sender;
    private final SendBatcher batcher; // null when batching is off
    private final HeartbeatService heartbeat;
    private final QueueChoice roundRobin = new QueueChoice.RoundRobin();
    private final int maxMessageSize;
    private volatile State state = State.CREATED;

    private enum State { CREATED, RUNNING, CLOSED }

    private Producer(Builder b) {
        this.config = b.config != null ? b.config : ClientConfig.builder().brokerAddress(b.brokerAddress).build();
        this.producerGroup = Objects.requireNonNull(b.producerGroup, "producerGroup");
        this.maxMessageSize = b.maxMessageSize;
        this.remoting = new RemotingClient(config);
        this.routes = new TopicRouteCache(remoting, b.routeRefreshInterval);
        this.sender = new MessageSender(remoting, routes, producerGroup, b.sendTimeout, b.retryTimesWhenSendFailed);
        SendBatcher.Settings batching = SendBatcher.Settings.of(b.batchMaxMessages,
                Math.min(b.batchMaxBytes, b.maxMessageSize), b.linger, b.maxInFlightPerQueue);
        // as many multi-queue requests in flight as four queues' SENDs: with a few busy queues nothing waits here
        MultiQueueSender multi = new MultiQueueSender(sender, remoting, routes, producerGroup,
                4 * b.maxInFlightPerQueue, batching.maxBytes());
        this.batcher = b.batching ? new SendBatcher(sender, multi, routes, batching, roundRobin) : null;
        this.heartbeat = new HeartbeatService(remoting,
                () -> new Heartbeat.Request(config.clientId(), List.of(producerGroup), List.of()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the producer: connects and registers with the broker. A broker that is down is not an error here; sends
     * fail (and the client keeps reconnecting) until it is back.
     */
    public synchronized void start() {
        if (state != State.CREATED) {
            throw new IllegalStateException("producer is " + state);
        }
        state = State.RUNNING;
        heartbeat.start();
    }

    /** Sends and waits for the broker's answer. @throws MQClientException when the send failed */
    public SendResult send(Message message) {
        return Blocking.await(sendAsync(message));
    }

    /** Sends without blocking; the future fails with an {@link MQClientException}. */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return send(message, roundRobin);
    }

    /** Fire-and-forget: no retry, no result. Returns once the request is written (or failed to be). */
    public void sendOneWay(Message message) {
        ensureRunning();
        checkSize(message);
        Blocking.await(sender.sendOneWay(message.topic(), List.of(encode(message)), roundRobin));
    }

    /**
     * Sends a batch to one queue; all messages must have the same topic. The batch is stored as one entry, each
     * message with its own queue offset ({@link SendResult#queueOffset()} is the first).
     */
    public SendResult send(List<Message> batch) {
        return Blocking.await(sendBatchAsync(batch));
    }

    /** Asynchronous {@link #send(List)}. */
    public CompletableFuture<SendResult> sendBatchAsync(List<Message> batch) {
        ensureRunning();
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        String topic = batch.get(0).topic();
        List<OutgoingMessage> out = new ArrayList<>(batch.size());
        List<String> ids = new ArrayList<>(batch.size());
        long size = 0;
        for (Message m : batch) {
            if (!m.topic().equals(topic)) {
                throw new IllegalArgumentException("a batch must have one topic: " + topic + " and " + m.topic());
            }
            if (batch.size() > 1 && m.delivery() != io.ternmq.client.Delivery.NOW) {
                throw new IllegalArgumentException("delayed messages cannot be batched: " + m);
            }
            OutgoingMessage o = encode(m);
            out.add(o);
            ids.add(o.properties().get(io.ternmq.protocol.message.MessageProperties.UNIQ_KEY));
            size += m.body().length;
        }
        if (size > maxMessageSize) {
            throw new MQClientException(ErrorCode.MESSAGE_TOO_LARGE, "batch body bytes " + size + " > " + maxMessageSize);
        }
        return sender.send(topic, out, String.join(",", ids), roundRobin);
    }

    /** Ordered send: messages with the same hash key go to the same queue, so they are stored and consumed in order. */
    public SendResult send(Message message, String hashKey) {
        return sendOrderly(message, hashKey, MessageQueueSelector.byHash());
    }

    /** Ordered send to the queue the selector picks for {@code arg}; not retried on another queue. */
    public SendResult sendOrderly(Message message, Object arg, MessageQueueSelector selector) {
        return Blocking.await(sendOrderlyAsync(message, arg, selector));
    }

    /** Asynchronous {@link #sendOrderly}; keep one in flight per key if order matters. */
    public CompletableFuture<SendResult> sendOrderlyAsync(Message message, Object arg, MessageQueueSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return send(message, new QueueChoice.Selected(selector, message, arg));
    }

    private CompletableFuture<SendResult> send(Message message, QueueChoice choice) {
        ensureRunning();
        checkSize(message);
        OutgoingMessage out = encode(message);
        String uniqKey = out.properties().get(io.ternmq.protocol.message.MessageProperties.UNIQ_KEY);
        if (batcher != null && SendBatcher.batchable(out)) {
            return batcher.send(message.topic(), out, uniqKey, choice);
        }
        return sender.send(message.topic(), List.of(out), uniqKey, choice);
    }

    private OutgoingMessage encode(Message m) {
        return OutgoingMessages.encode(m, UniqueIdGenerator.instance().next(), System.currentTimeMillis());
    }

    private void checkSize(Message m) {
        if (m.body().length > maxMessageSize) {
            throw new MQClientException(ErrorCode.MESSAGE_TOO_LARGE,
                    "body bytes " + m.body().length + " > maxMessageSize " + maxMessageSize);
        }
    }

    private void ensureRunning() {
        if (state != State.RUNNING) {
            throw new MQClientException(ErrorCode.SERVICE_NOT_AVAILABLE, "producer is " + state + ", call start()");
        }
    }

    /** The connection, for {@link TransactionProducer}'s CHECK_TX handler and END_TX requests. */
    RemotingClient remoting() {
        return remoting;
    }

    public String producerGroup() {
        return producerGroup;
    }

    public ClientConfig config() {
        return config;
    }

    /** Unregisters from the broker and closes the connection. In-flight async sends fail. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasRunning = state == State.RUNNING;
        state = State.CLOSED;
        if (batcher != null) {
            batcher.close();
        }
        if (wasRunning) {
            heartbeat.stopAndUnregister();
        } else {
            heartbeat.close();
        }
        remoting.close();
    }

    /** Builder of {@link Producer}; not thread-safe. */
    public static final class Builder {
        private String brokerAddress;
        private ClientConfig config;
        private String producerGroup = "DEFAULT_PRODUCER";
        private Duration sendTimeout = Duration.ofSeconds(3);
        private int retryTimesWhenSendFailed = 2;
        private int maxMessageSize = 4 * 1024 * 1024;
        private Duration routeRefreshInterval = Duration.ofSeconds(30);
        private boolean batching = true;
        private int batchMaxMessages = 256;
        private int batchMaxBytes = 256 * 1024;
        private Duration linger = Duration.ZERO;
        private int maxInFlightPerQueue = 4;

        private Builder() {
        }

        /** {@code host:port} of the broker (or give a full {@link #clientConfig}). */
        public Builder brokerAddress(String brokerAddress) {
            this.brokerAddress = brokerAddress;
            return this;
        }

        public Builder clientConfig(ClientConfig config) {
            this.config = config;
            return this;
        }

        public Builder producerGroup(String producerGroup) {
            this.producerGroup = producerGroup;
            return this;
        }

        /** Budget for one send including its retries (3 s). */
        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        /** Extra attempts on another queue after a retriable failure (2). */
        public Builder retryTimesWhenSendFailed(int retryTimes) {
            if (retryTimes < 0) {
                throw new IllegalArgumentException("retryTimesWhenSendFailed must be >= 0");
            }
            this.retryTimesWhenSendFailed = retryTimes;
            return this;
        }

        /** Largest body (or batch of bodies) accepted before sending (4 MiB). */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        /** How old a topic's route may get before it is read again, in the background while sends go on (30 s). */
        public Builder routeRefreshInterval(Duration interval) {
            this.routeRefreshInterval = interval;
            return this;
        }

        /**
         * Whether single-message sends (sync, async and ordered; not one-way, user batches, delayed or
         * transactional messages) are batched per queue (on). A message goes out at once while its queue has fewer
         * than its limit of SENDs in flight; otherwise it joins the next SEND of that queue. Each message still gets
         * its own {@link SendResult}.
         */
        public Builder batching(boolean enabled) {
            this.batching = enabled;
            return this;
        }

        /** Most messages in one batched SEND (256). */
        public Builder batchMaxMessages(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batchMaxMessages must be >= 1");
            }
            this.batchMaxMessages = n;
            return this;
        }

        /** Most body bytes in one batched SEND (256 KiB; never above maxMessageSize). */
        public Builder batchMaxBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("batchMaxBytes must be >= 1");
            }
            this.batchMaxBytes = bytes;
            return this;
        }

        /**
         * How long a message waits for others when nothing of its queue is in flight (0: not at all; batches still
         * form behind a SEND in flight). Like Kafka's {@code linger.ms}: more throughput per request, more latency.
         */
        public Builder linger(Duration linger) {
            if (linger.isNegative()) {
                throw new IllegalArgumentException("linger must be >= 0");
            }
            this.linger = linger;
            return this;
        }

        /**
         * Batched plain sends in flight per queue at once (4); further messages wait and form the next batch.
         * Ordered sends always have one in flight per queue, which keeps them FIFO.
         */
        public Builder maxInFlightPerQueue(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlightPerQueue must be >= 1");
            }
            this.maxInFlightPerQueue = n;
            return this;
        }

        public Producer build() {
            if (brokerAddress == null && config == null) {
                throw new IllegalArgumentException("brokerAddress or clientConfig is required");
            }
            return new Producer(this);
        }
    }
}
