package io.ternmq.spring.idempotency.crash;

import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQListenerAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQTransactionAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The consumer process of {@link IdempotentConsumerCrashTest}: a Spring Boot application with the starter, Boot's
 * DataSource and transaction manager, one {@link OrderConsumer} listener, and an {@link EventLogMetrics} in place of
 * the starter's metrics. It consumes until it is killed (SIGKILL) or stopped (SIGTERM: Boot's shutdown hook closes
 * the context, and the listener finishes its in-flight messages).
 *
 * <p>System properties: {@code consumer.topic}, {@code consumer.group}, {@code consumer.events} (the
 * {@link ConsumerEventLog} file), {@code consumer.name} (written into each business row),
 * {@code consumer.work-millis} (time per order), and the usual {@code spring.datasource.*} and {@code mq.*} settings.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        MQAutoConfiguration.class, MQListenerAutoConfiguration.class, MQTransactionAutoConfiguration.class})
public class IdempotentOrderConsumerApp {

    @Bean
    ConsumerEventLog consumerEventLog(Environment env) {
        return new ConsumerEventLog(Path.of(env.getRequiredProperty("consumer.events")));
    }

    @Bean
    EventLogMetrics eventLogMetrics(ConsumerEventLog events) {
        return new EventLogMetrics(events);
    }

    @Bean
    OrderConsumer orderConsumer(DataSource dataSource, ConsumerEventLog events, Environment env) {
        Duration work = Duration.ofMillis(env.getRequiredProperty("consumer.work-millis", Long.class));
        return new OrderConsumer(new ConsumedOrders(dataSource), events, work,
                env.getRequiredProperty("consumer.name"));
    }

    public static void main(String[] args) throws InterruptedException {
        SpringApplication application = new SpringApplication(IdempotentOrderConsumerApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        ConfigurableApplicationContext context = application.run(args);
        context.getBean(ConsumerEventLog.class).append(ConsumerEventLog.READY);
        new CountDownLatch(1).await(); // consume until killed or stopped; SIGTERM runs Boot's shutdown hook
    }
}
