package io.ternmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** @MQListener support: annotation post-processor, endpoint registry, container factory. */
@AutoConfiguration(after = MQAutoConfiguration.class)
public class MQListenerAutoConfiguration {
}
