package io.ternmq.spring.autoconfigure;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.ReplyInbox;
import io.ternmq.spring.metrics.MQMetrics;
import io.ternmq.spring.support.JacksonMQMessageConverter;
import io.ternmq.spring.support.MQMessageConverter;
import io.ternmq.spring.transaction.TransactionalSender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Client, producer and {@code MQTemplate}: the base every other TernMQ auto-configuration builds on. Active unless
 * {@code mq.enabled=false}; every bean gives way to one the application defines.
 *
 * <p><b>Lifecycle.</b> The producer is started when it is created, so beans may send while the context starts, and
 * closed when the context destroys its beans. Spring stops every {@code SmartLifecycle} bean (the listener
 * containers, with their graceful shutdown) before it destroys any bean, so listeners that send replies or
 * follow-up messages while they finish their in-flight messages still have a producer.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnBooleanProperty(name = "mq.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MQProperties.class)
public class MQAutoConfiguration {

    /** Broker address and client id shared by every client; each client derives its own id from it. */
    @Bean
    @ConditionalOnMissingBean
    public ClientConfig mqClientConfig(MQProperties properties) {
        Duration timeout = properties.getRequestTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("mq.request-timeout must be positive, got " + timeout);
        }
        String address = properties.getBrokerAddress();
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("mq.broker-address must be set (host:port of the broker)");
        }
        ClientConfig.Builder b = ClientConfig.builder().brokerAddress(address).requestTimeout(timeout);
        if (properties.getClientId() != null && !properties.getClientId().isBlank()) {
            b.clientId(properties.getClientId());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mq.broker-address '" + address + "' is not host:port: "
                    + e.getMessage(), e);
        }
    }

    /** JSON through the application's Jackson {@link JsonMapper}, or a default one when it has none. */
    @Bean
    @ConditionalOnMissingBean
    public MQMessageConverter mqMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return new JacksonMQMessageConverter(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /** MQTemplate's producer, started here and closed after the listeners stopped (see the class comment). */
    @Bean(name = "mqProducer")
    @ConditionalOnMissingBean
    public Producer mqProducer(ClientConfig clientConfig, MQProperties properties,
                               ObjectProvider<MQProducerCustomizer> customizers) {
        Producer producer = ProducerFactory.build(clientConfig, properties.getProducer(),
                customizers.orderedStream().toList());
        producer.start();
        return producer;
    }

    /** Admin calls: the health check, the lag gauge and creating the template's reply topic. */
    @Bean
    @ConditionalOnMissingBean
    public AdminClient mqAdminClient(ClientConfig clientConfig) {
        return AdminClient.create(clientConfig);
    }

    @Bean
    @ConditionalOnMissingBean
    public MQTemplate mqTemplate(Producer producer, MQMessageConverter converter, ClientConfig clientConfig,
                                 AdminClient admin, ObjectProvider<MQMetrics> metrics,
                                 ObjectProvider<TransactionalSender> transactionalSender) {
        MQTemplate template = new MQTemplate(producer, converter);
        template.setMetrics(metrics.getIfAvailable(() -> MQMetrics.NOOP));
        template.setTransactionalSender(transactionalSender::getIfAvailable);
        template.setReplyInbox(new ReplyInbox(clientConfig, admin));
        return template;
    }

    /**
     * Once every singleton exists, hands the template the transactional sender (or none) as a constant: until then
     * each send looks it up, because the sender's auto-configuration may create it after the template; afterwards
     * plain sends, which ask it whether to bind to a transaction, no longer search the bean factory every time.
     */
    @Bean
    public SmartInitializingSingleton mqTemplateTransactionalSenderBinding(ObjectProvider<MQTemplate> templates,
            ObjectProvider<TransactionalSender> transactionalSender) {
        return () -> {
            TransactionalSender sender = transactionalSender.getIfAvailable();
            templates.orderedStream().forEach(t -> t.setTransactionalSender(() -> sender));
        };
    }
}
