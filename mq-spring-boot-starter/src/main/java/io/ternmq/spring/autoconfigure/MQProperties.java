package io.ternmq.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.time.Duration;

/**
 * Settings of the TernMQ starter, under {@code mq.*}. docs/spring-boot.md lists every property; it is generated from
 * the configuration metadata of these classes.
 */
@ConfigurationProperties("mq")
public class MQProperties {
    /** Whether the starter configures anything at all. */
    private boolean enabled = true;

    /** Address of the broker's native port, host:port. */
    private String brokerAddress = "127.0.0.1:10911";

    /**
     * Client id shown in mqadmin; defaults to host@pid@n. Each client the starter builds (producer, each listener's
     * consumer, the reply consumer) appends its role to it, because the broker treats one id as one member.
     */
    private String clientId;

    /** Timeout of a request to the broker that sets none of its own: admin calls such as the health check and topic creation (sends use mq.producer.send-timeout). */
    private Duration requestTimeout = Duration.ofSeconds(3);

    @NestedConfigurationProperty
    private final ProducerProperties producer = new ProducerProperties();

    @NestedConfigurationProperty
    private final ConsumerProperties consumer = new ConsumerProperties();

    @NestedConfigurationProperty
    private final ListenerProperties listener = new ListenerProperties();

    @NestedConfigurationProperty
    private final IdempotencyProperties idempotency = new IdempotencyProperties();

    @NestedConfigurationProperty
    private final TransactionProperties transaction = new TransactionProperties();

    @NestedConfigurationProperty
    private final OutboxProperties outbox = new OutboxProperties();

    @NestedConfigurationProperty
    private final HealthProperties health = new HealthProperties();

    @NestedConfigurationProperty
    private final MetricsProperties metrics = new MetricsProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBrokerAddress() {
        return brokerAddress;
    }

    public void setBrokerAddress(String brokerAddress) {
        this.brokerAddress = brokerAddress;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public ProducerProperties getProducer() {
        return producer;
    }

    public ConsumerProperties getConsumer() {
        return consumer;
    }

    public ListenerProperties getListener() {
        return listener;
    }

    public IdempotencyProperties getIdempotency() {
        return idempotency;
    }

    public TransactionProperties getTransaction() {
        return transaction;
    }

    public OutboxProperties getOutbox() {
        return outbox;
    }

    public HealthProperties getHealth() {
        return health;
    }

    public MetricsProperties getMetrics() {
        return metrics;
    }
}
