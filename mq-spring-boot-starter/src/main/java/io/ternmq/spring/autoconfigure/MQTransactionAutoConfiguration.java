package io.ternmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** The MySQL side: tx-outbox schema, transactional messages with check-back, business-key idempotency, the outbox relay. */
@AutoConfiguration(after = MQAutoConfiguration.class, afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class MQTransactionAutoConfiguration {
}
