package io.ternmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Client, producer and {@code MQTemplate}: the base every other TernMQ auto-configuration builds on. */
@AutoConfiguration
public class MQAutoConfiguration {
}
