package io.ternmq.spring.autoconfigure;

import io.ternmq.client.producer.Producer;

/**
 * Adjusts the auto-configured producer ({@code mqProducer}) before it is built, for settings that have no
 * {@code mq.producer.*} property. Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface MQProducerCustomizer {
    void customize(Producer.Builder builder);
}
