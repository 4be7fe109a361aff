package io.ternmq.spring.autoconfigure;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.listener.DefaultListenerExceptionClassifier;
import io.ternmq.spring.listener.ListenerExceptionClassifier;
import io.ternmq.spring.listener.ListenerReplySender;
import io.ternmq.spring.listener.MQListenerAnnotationBeanPostProcessor;
import io.ternmq.spring.listener.MQListenerContainerFactory;
import io.ternmq.spring.listener.MQListenerEndpointRegistry;
import io.ternmq.spring.metrics.MQMetrics;
import io.ternmq.spring.support.JacksonMQMessageConverter;
import io.ternmq.spring.support.MQMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code @MQListener} support: the annotation post-processor, the endpoint registry (which runs the containers with
 * the context), the container factory, the exception classifier and the reply sender. Every bean backs off when the
 * application declares one of its type.
 *
 * <p>The connection ({@link ClientConfig}), the {@link MQMessageConverter} and the {@link MQMetrics} come from
 * {@code MQAutoConfiguration} and {@code MQMetricsAutoConfiguration} (or the application); without them the
 * listeners use a {@code ClientConfig} from {@code mq.broker-address} / {@code mq.client-id}, JSON with a default
 * {@code JsonMapper}, and no metrics. Off with {@code mq.enabled=false}.
 */
@AutoConfiguration(after = MQAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mq.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MQProperties.class)
public class MQListenerAutoConfiguration {

    /** Static: a post-processor must not pull this configuration class in early. */
    @Bean
    @ConditionalOnMissingBean
    public static MQListenerAnnotationBeanPostProcessor mqListenerAnnotationBeanPostProcessor() {
        return new MQListenerAnnotationBeanPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    public ListenerExceptionClassifier mqListenerExceptionClassifier(MQProperties properties) {
        return new DefaultListenerExceptionClassifier(properties.getListener().getNotRetryableExceptions());
    }

    @Bean
    @ConditionalOnMissingBean
    public ListenerReplySender mqListenerReplySender(ObjectProvider<Producer> producers,
                                                     ObjectProvider<ClientConfig> clientConfig,
                                                     ObjectProvider<MQMessageConverter> converter,
                                                     MQProperties properties) {
        return new ListenerReplySender(producers::getIfUnique, () -> clientConfig(clientConfig, properties),
                converter(converter));
    }

    @Bean
    @ConditionalOnMissingBean
    public MQListenerContainerFactory mqListenerContainerFactory(MQProperties properties,
                                                                 ObjectProvider<ClientConfig> clientConfig,
                                                                 ObjectProvider<MQMessageConverter> converter,
                                                                 ObjectProvider<MQMetrics> metrics,
                                                                 ObjectProvider<IdempotencyGuard> idempotencyGuard,
                                                                 ListenerExceptionClassifier classifier,
                                                                 ListenerReplySender replies) {
        return new MQListenerContainerFactory(clientConfig(clientConfig, properties), properties.getConsumer(),
                properties.getListener(), converter(converter), classifier, metrics.getIfAvailable(() -> MQMetrics.NOOP),
                idempotencyGuard::getIfAvailable, properties.getIdempotency().isEnabled(), replies);
    }

    @Bean
    @ConditionalOnMissingBean
    public MQListenerEndpointRegistry mqListenerEndpointRegistry(MQListenerContainerFactory factory) {
        return new MQListenerEndpointRegistry(factory);
    }

    private static ClientConfig clientConfig(ObjectProvider<ClientConfig> provider, MQProperties properties) {
        return provider.getIfAvailable(() -> ClientConfig.builder().brokerAddress(properties.getBrokerAddress())
                .clientId(properties.getClientId()).build());
    }

    private static MQMessageConverter converter(ObjectProvider<MQMessageConverter> provider) {
        return provider.getIfAvailable(() -> new JacksonMQMessageConverter(JsonMapper.builder().build()));
    }
}
