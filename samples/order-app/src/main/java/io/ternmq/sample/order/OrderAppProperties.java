package io.ternmq.sample.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sample's own settings, under {@code order-app.*} (application.yml holds the defaults used when it runs).
 *
 * @param paymentTimeout how long a pay-later order may stay unpaid before the delayed timeout message cancels it
 * @param creditLimit    most a customer may have in open orders; an order above it is rejected and rolled back
 * @param inventory      the inventory listener
 * @param notifications  the broadcast notification feed
 * @param analytics      the Kafka analytics consumer
 * @param embeddedDb     the MariaDB started when no {@code spring.datasource.url} is configured
 */
@ConfigurationProperties("order-app")
public record OrderAppProperties(
        @DefaultValue("30s") Duration paymentTimeout,
        @DefaultValue("5000") BigDecimal creditLimit,
        @DefaultValue Inventory inventory,
        @DefaultValue Notifications notifications,
        @DefaultValue Analytics analytics,
        @DefaultValue EmbeddedDb embeddedDb) {

    /**
     * @param maxRetries redeliveries of an OrderCreated the inventory cannot process before it goes to the
     *                   dead-letter queue {@code %DLQ%inventory}
     */
    public record Inventory(@DefaultValue("2") int maxRetries) {
    }

    /** @param feedSize notifications kept in this instance's in-memory feed (GET /notifications) */
    public record Notifications(@DefaultValue("50") int feedSize) {
    }

    /**
     * @param enabled          whether this instance runs the analytics consumer
     * @param bootstrapServers the broker's Kafka listener
     * @param group            the Kafka consumer group
     */
    public record Analytics(@DefaultValue("true") boolean enabled,
                            @DefaultValue("127.0.0.1:9092") String bootstrapServers,
                            @DefaultValue("order-analytics") String group) {
    }

    /**
     * @param dataDir  the server's data directory, kept between runs
     * @param port     the port on 127.0.0.1; 0 picks a free one (the log says which)
     * @param database the database the application uses, created on first connect
     */
    public record EmbeddedDb(@DefaultValue("./data/order-app-db") Path dataDir,
                             @DefaultValue("0") int port,
                             @DefaultValue("orderapp") String database) {
    }
}
