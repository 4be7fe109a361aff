package io.ternmq.spring.core;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.testing.CollectingConsumer;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recipe of docs/spring-boot.md ("Testing") for {@code @SpringBootTest}: {@code @EmbeddedMQ} starts the broker,
 * a static {@code @BeforeAll} keeps it, and {@code @DynamicPropertySource} hands its address to the context lazily
 * (the supplier runs when the context starts, after {@code @BeforeAll}).
 */
@EmbeddedMQ
@SpringBootTest(classes = SpringBootTestWithEmbeddedMQTest.App.class)
@DirtiesContext // close the context with the class, before @EmbeddedMQ stops the broker
class SpringBootTestWithEmbeddedMQTest {
    private static EmbeddedBroker broker;

    @SpringBootConfiguration
    @ImportAutoConfiguration(MQAutoConfiguration.class)
    static class App {
    }

    @BeforeAll
    static void keep(EmbeddedBroker embedded) {
        broker = embedded;
    }

    @DynamicPropertySource
    static void mqProperties(DynamicPropertyRegistry registry) {
        registry.add("mq.broker-address", () -> broker.address());
    }

    @Autowired
    MQTemplate template;

    @Test
    void theContextSendsToTheEmbeddedBroker() {
        String topic = TestTopics.unique("SBT");
        try (AdminClient admin = AdminClient.create(broker.address())) {
            admin.createTopic(topic, 1);
        }
        template.send(topic, "hello");
        try (CollectingConsumer consumer = CollectingConsumer.start(broker.address(), topic)) {
            assertEquals("hello", consumer.await(1).get(0).bodyAsString());
        }
    }
}
