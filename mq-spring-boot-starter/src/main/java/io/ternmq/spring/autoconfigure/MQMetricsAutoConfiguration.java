package io.ternmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Micrometer meters for sends, consumption, retries, dead letters, duplicates and lag. */
@AutoConfiguration(after = MQAutoConfiguration.class)
public class MQMetricsAutoConfiguration {
}
