package io.ternmq.spring.core;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.testing.CollectingConsumer;
import io.ternmq.spring.testing.StarterContexts;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delayed sends: the message must stay invisible until it is due and arrive afterwards. A message sent right after
 * the delayed one, without delay, proves the consumer was reading all along.
 */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class MQTemplateDelayTest {
    private String address;
    private ApplicationContextRunner runner;
    private String topic;
    private CollectingConsumer consumer;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        runner = StarterContexts.core(address);
        topic = TestTopics.unique("D");
        try (AdminClient admin = AdminClient.create(address)) {
            admin.createTopic(topic, 2);
        }
        consumer = CollectingConsumer.start(address, topic);
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    /** Sends a warm-up message and waits for it, so the consumer is reading before the clock starts. */
    private void consumerReading(MQTemplate template) {
        template.send(topic, "warm-up");
        consumer.awaitBody("warm-up");
    }

    private void assertHeldBack(MQTemplate template, SendOptions delayed, Duration due, String name) {
        consumerReading(template);
        long sentAt = System.currentTimeMillis();
        template.send(topic, name, delayed);
        template.send(topic, name + "-control");
        CollectingConsumer.Received control = consumer.awaitBody(name + "-control");
        CollectingConsumer.Received held = consumer.awaitBody(name);
        long waited = held.arrivedAtMs() - sentAt;
        assertTrue(held.arrivedAtMs() > control.arrivedAtMs(), name + " arrived before the undelayed control message");
        // the broker's clock rounds store times to the millisecond: allow a few ms of it
        assertTrue(waited >= due.toMillis() - 5, name + " arrived after " + waited + " ms, before its " + due);
    }

    @Test
    void delayLevelOneHoldsTheMessageForASecond() {
        runner.run(context -> assertHeldBack(context.getBean(MQTemplate.class),
                SendOptions.builder().delayLevel(1).build(), Duration.ofSeconds(1), "level-1"));
    }

    @Test
    void aDelayDurationHoldsTheMessageThatLong() {
        runner.run(context -> assertHeldBack(context.getBean(MQTemplate.class),
                SendOptions.builder().delay(Duration.ofSeconds(2)).build(), Duration.ofSeconds(2), "after-2s"));
    }

    @Test
    void aDeliveryTimeHoldsTheMessageUntilThen() {
        runner.run(context -> {
            Instant at = Instant.now().plusSeconds(2);
            long before = System.currentTimeMillis();
            assertHeldBack(context.getBean(MQTemplate.class), SendOptions.builder().deliverAt(at).build(),
                    Duration.ofMillis(Math.max(0, at.toEpochMilli() - before)), "at-time");
        });
    }
}
