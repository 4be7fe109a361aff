package io.ternmq.sample.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * An order-processing service that shows the TernMQ starter end to end; samples/order-app/README.md walks through it.
 *
 * <p>Run it against a broker on 127.0.0.1:10911 (Kafka on 9092) with {@code java -jar target/order-app-*.jar}, or
 * let {@code ./ternmq-start.sh} at the repository root build and start both.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }
}
