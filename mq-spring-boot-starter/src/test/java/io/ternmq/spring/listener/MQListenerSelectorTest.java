package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.annotation.SelectorType;
import io.ternmq.spring.testing.Await;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tag and SQL92 selectors of @MQListener, evaluated by a real broker. */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class MQListenerSelectorTest {
    private String address;
    private Producer producer;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        producer = Producer.builder().brokerAddress(address).producerGroup("selector-test").build();
        producer.start();
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    static class Listeners {
        final Inbox<String> byTag = new Inbox<>();
        final Inbox<String> bySql = new Inbox<>();

        @MQListener(topic = "${t.topic}", group = "${t.group}-tag", selectorExpression = "${t.tags}")
        void onTagged(String body) {
            byTag.add(body);
        }

        @MQListener(topic = "${t.topic}", group = "${t.group}-sql", selectorType = SelectorType.SQL92,
                selectorExpression = "amount > 100 AND region = 'eu'")
        void onSelected(String body, @Header("amount") int amount) {
            bySql.add(body);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    private void send(String topic, String body, String tag, int amount, String region) {
        // one hash key: one queue, so everything sent before the last message is pulled before it
        producer.send(Message.builder().topic(topic).body(body).tags(tag).property("amount", Integer.toString(amount))
                .property("region", region).build(), "one-queue");
    }

    @Test
    void eachListenerGetsOnlyTheMessagesItsSelectorMatches() {
        String topic = TestTopics.unique("sel");
        try (ConfigurableApplicationContext context = ListenerContexts.start(ListenerContexts.with(
                ListenerContexts.fastConsumerProperties(address), "t.topic=" + topic,
                "t.group=" + TestTopics.unique("g"), "t.tags=created || paid"), Config.class)) {
            Listeners listeners = context.getBean(Listeners.class);
            send(topic, "created-eu-500", "created", 500, "eu");
            send(topic, "shipped-eu-900", "shipped", 900, "eu");
            send(topic, "paid-us-50", "paid", 50, "us");
            send(topic, "created-eu-20", "created", 20, "eu");
            send(topic, "refunded-us-700", "refunded", 700, "us");
            send(topic, "last-paid-eu-101", "paid", 101, "eu");

            Set<String> tagged = Set.of("created-eu-500", "paid-us-50", "created-eu-20", "last-paid-eu-101");
            Set<String> selected = Set.of("created-eu-500", "shipped-eu-900", "last-paid-eu-101");
            Await.until(() -> new HashSet<>(listeners.byTag.items()).containsAll(tagged)
                    && new HashSet<>(listeners.bySql.items()).containsAll(selected),
                    () -> "tag: " + listeners.byTag.items() + ", sql: " + listeners.bySql.items());
            assertEquals(tagged.size(), listeners.byTag.size(), listeners.byTag.items().toString());
            assertEquals(selected.size(), listeners.bySql.size(), listeners.bySql.items().toString());
        }
    }

    static class BadSql {
        @MQListener(id = "bad-sql", topic = "${t.topic}", group = "${t.group}", selectorType = SelectorType.SQL92,
                selectorExpression = "amount >")
        void onMessage(String body) {
        }
    }

    @Test
    void anSqlSelectorTheBrokerRefusesFailsStartupNamingTheListener() {
        String failure = ListenerContexts.startupFailure(ListenerContexts.with(
                ListenerContexts.fastConsumerProperties(address), "t.topic=" + TestTopics.unique("sel"),
                "t.group=" + TestTopics.unique("g")), BadSql.class);
        assertTrue(failure.contains("@MQListener bad-sql on BadSql.onMessage could not start"), failure);
        assertTrue(failure.contains("SUBSCRIPTION_ILLEGAL"), failure);
        assertTrue(failure.contains("expected a property name or literal at column 9"), failure);
    }
}
