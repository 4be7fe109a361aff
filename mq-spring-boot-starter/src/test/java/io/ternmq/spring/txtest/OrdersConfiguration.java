package io.ternmq.spring.txtest;

import io.ternmq.spring.transaction.TransactionalSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Adds the {@link Orders} service to a test context. */
@Configuration(proxyBeanMethods = false)
public class OrdersConfiguration {
    @Bean
    Orders orders(DataSource dataSource, TransactionalSender sender) {
        return new Orders(dataSource, sender);
    }
}
