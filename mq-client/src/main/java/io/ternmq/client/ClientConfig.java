package io.ternmq.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connection settings shared by producers, consumers and the admin client. Immutable; build with {@link #builder()}.
 *
 * <p>There is no name server: a client is given the broker's {@code host:port}.
 */
public final class ClientConfig {
    private static final AtomicInteger INSTANCE_COUNTER = new AtomicInteger();

    private final String brokerAddress;
    private final String clientId;
    private final Duration requestTimeout;
    private final Duration heartbeatInterval;
    private final int ioThreads;
    private final int maxFrameSize;

    private ClientConfig(Builder b) {
        this.brokerAddress = Objects.requireNonNull(b.brokerAddress, "brokerAddress");
        BrokerAddress.parse(brokerAddress);
        this.clientId = b.clientId != null ? b.clientId : defaultClientId();
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        this.heartbeatInterval = positive(b.heartbeatInterval, "heartbeatInterval");
        if (b.ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1");
        }
        this.ioThreads = b.ioThreads;
        this.maxFrameSize = b.maxFrameSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A config for this address with every other setting at its default. */
    public static ClientConfig of(String brokerAddress) {
        return builder().brokerAddress(brokerAddress).build();
    }

    /** A builder pre-filled with this config's values. */
    public Builder toBuilder() {
        return new Builder().brokerAddress(brokerAddress).clientId(clientId).requestTimeout(requestTimeout)
                .heartbeatInterval(heartbeatInterval).ioThreads(ioThreads).maxFrameSize(maxFrameSize);
    }

    /** {@code host:port} of the broker. */
    public String brokerAddress() {
        return brokerAddress;
    }

    /**
     * Identifies this client instance in its groups. Defaults to {@code host@pid@counter}, unique per config built in
     * this JVM, because two members of one group with the same id would both take the same queues.
     */
    public String clientId() {
        return clientId;
    }

    /** Default timeout of a request that does not set its own (3 s). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How often the client re-registers with the broker (10 s); also drives reconnect after a failure. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Netty I/O threads of the connection (1). */
    public int ioThreads() {
        return ioThreads;
    }

    /** Largest frame the client accepts from the broker (16 MiB). */
    public int maxFrameSize() {
        return maxFrameSize;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    private static String defaultClientId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "@" + ProcessHandle.current().pid() + "@" + INSTANCE_COUNTER.incrementAndGet();
    }

    @Override
    public String toString() {
        return "ClientConfig{broker=" + brokerAddress + ", clientId=" + clientId + ", requestTimeout=" + requestTimeout
                + ", heartbeatInterval=" + heartbeatInterval + ", ioThreads=" + ioThreads + '}';
    }

    /** Builder of {@link ClientConfig}; not thread-safe. */
    public static final class Builder {
        private String brokerAddress;
        private String clientId;
        private Duration requestTimeout = Duration.ofSeconds(3);
        private Duration heartbeatInterval = Duration.ofSeconds(10);
        private int ioThreads = 1;
        private int maxFrameSize = 16 * 1024 * 1024;

        private Builder() {
        }

        public Builder brokerAddress(String brokerAddress) {
            this.brokerAddress = brokerAddress;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder maxFrameSize(int maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
