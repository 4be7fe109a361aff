package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.testing.Await;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The listener's side of business-key idempotency, with an in-memory guard standing in for the MySQL one: which key
 * is claimed, with which transactional flag, and what each guard outcome does to the message.
 */
@EmbeddedMQ(config = {"defaultTopicQueueNums=2", "messageDelayLevel=1s 1s 1s 1s 1s 1s"})
class MQListenerIdempotencyTest {
    record Order(String orderId, int amount) {
    }

    /** A guard that remembers processed keys in memory and can pretend a key is busy elsewhere a few times. */
    static class InMemoryGuard implements IdempotencyGuard {
        final Set<String> processed = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> busyFor = new ConcurrentHashMap<>();
        final Inbox<String> claims = new Inbox<>();

        @Override
        public synchronized Outcome runOnce(String group, String key, boolean transactional, Runnable handler) {
            claims.add(group + "/" + key + "/" + (transactional ? "tx" : "no-tx"));
            AtomicInteger busy = busyFor.get(key);
            if (busy != null && busy.getAndDecrement() > 0) {
                return Outcome.IN_PROGRESS;
            }
            if (processed.contains(group + "/" + key)) {
                return Outcome.DUPLICATE;
            }
            handler.run(); // an exception leaves the key unclaimed, as the interface says
            processed.add(group + "/" + key);
            return Outcome.PROCESSED;
        }
    }

    static class Listeners {
        final Inbox<Order> orders = new Inbox<>();
        final Inbox<String> payments = new Inbox<>();

        @MQListener(topic = "${t.topic}-orders", group = "${t.group}-orders", idempotencyKey = "#payload.orderId")
        void onOrder(Order order) {
            orders.add(order);
        }

        @Transactional
        @MQListener(topic = "${t.topic}-payments", group = "${t.group}-payments",
                idempotencyKey = "#headers['mq_keys']")
        public void onPayment(String body) {
            payments.add(body);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }

        @Bean
        InMemoryGuard guard() {
            return new InMemoryGuard();
        }

        @Bean
        RecordingMetrics metrics() {
            return new RecordingMetrics();
        }
    }

    private static ConfigurableApplicationContext context;
    private static Producer producer;
    private static Listeners listeners;
    private static InMemoryGuard guard;
    private static RecordingMetrics metrics;
    private static String topic;
    private static String group;

    @BeforeAll
    static void start(EmbeddedBroker broker) {
        topic = TestTopics.unique("idem");
        group = TestTopics.unique("g");
        context = ListenerContexts.start(ListenerContexts.with(ListenerContexts.fastConsumerProperties(broker.address()),
                "t.topic=" + topic, "t.group=" + group), Config.class);
        listeners = context.getBean(Listeners.class);
        guard = context.getBean(InMemoryGuard.class);
        metrics = context.getBean(RecordingMetrics.class);
        producer = Producer.builder().brokerAddress(broker.address()).producerGroup("idem-test").build();
        producer.start();
    }

    @AfterAll
    static void stop() {
        context.close();
        producer.close();
    }

    private static String order(String id, int amount) {
        return "{\"orderId\":\"" + id + "\",\"amount\":" + amount + "}";
    }

    @Test
    void aRedeliveredKeyIsSkippedAndCountedAsADuplicate() {
        // the same order twice (a producer retry, say), one hash key so they arrive in order
        producer.send(Message.of(topic + "-orders", order("o-1", 5)), "o-1");
        producer.send(Message.of(topic + "-orders", order("o-1", 5)), "o-1");
        producer.send(Message.of(topic + "-orders", order("o-2", 8)), "o-1");
        Await.until(() -> metrics.count("consumed", group + "-orders") == 3
                        && metrics.count("duplicateSkipped", group + "-orders") == 1,
                () -> "3 deliveries, one a duplicate, got " + metrics);
        assertEquals(List.of(new Order("o-1", 5), new Order("o-2", 8)), listeners.orders.items().stream()
                .sorted(java.util.Comparator.comparing(Order::orderId)).toList());
        assertEquals(List.of(group + "-orders/o-1/no-tx", group + "-orders/o-1/no-tx", group + "-orders/o-2/no-tx"),
                guard.claims.items().stream().filter(c -> c.startsWith(group + "-orders/")).sorted().toList());
    }

    @Test
    void aKeyBusyElsewhereIsRetriedLaterAndATransactionalMethodClaimsInItsTransaction() {
        guard.busyFor.put("pay-1", new AtomicInteger(1));
        producer.send(Message.builder().topic(topic + "-payments").body("payment 1").keys("pay-1").build());
        assertEquals(List.of("payment 1"), listeners.payments.awaitAtLeast(1));
        assertEquals(List.of(group + "-payments/pay-1/tx", group + "-payments/pay-1/tx"),
                guard.claims.items().stream().filter(c -> c.startsWith(group + "-payments/")).toList(),
                "claimed once while busy elsewhere, once more on redelivery; @Transactional seen");
        assertEquals(1, metrics.count("retried", group + "-payments"));
    }
}
