package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.Producer;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.spring.annotation.ConsumeMode;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.support.MQHeaders;
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
import org.springframework.messaging.handler.annotation.Header;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classified failures against a real broker: what goes straight to %DLQ%group and what is retried. The broker's
 * delay levels are one second each here (the default starts retries at 10 s), so a retry comes back in a second.
 */
@EmbeddedMQ(config = {"defaultTopicQueueNums=2", "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s 1s 1s"})
class MQListenerErrorHandlingTest {
    record Order(String orderId, int amount) {
    }

    static class Listeners {
        final Inbox<Order> converted = new Inbox<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Inbox<Integer> flakyReconsumeTimes = new Inbox<>();
        final Inbox<String> orderly = new Inbox<>();

        @MQListener(topic = "${t.topic}-convert", group = "${t.group}-convert")
        void onOrder(Order order) {
            converted.add(order);
        }

        @MQListener(topic = "${t.topic}-flaky", group = "${t.group}-flaky")
        void onFlaky(String body, @Header(MQHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            flakyReconsumeTimes.add(reconsumeTimes);
            if (attempts.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet() < 3) {
                throw new IllegalStateException("temporarily unavailable");
            }
        }

        @MQListener(topic = "${t.topic}-hopeless", group = "${t.group}-hopeless", maxRetries = "1")
        void onHopeless(String body) {
            attempts.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("always fails");
        }

        @MQListener(topic = "${t.topic}-invalid", group = "${t.group}-invalid")
        void onInvalid(String body) {
            attempts.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalArgumentException("configured as not retryable");
        }

        @MQListener(topic = "${t.topic}-header", group = "${t.group}-header")
        void onNeedsHeader(String body, @Header("tenant") String tenant) {
            attempts.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
        }

        @MQListener(topic = "${t.topic}-orderly", group = "${t.group}-orderly", consumeMode = ConsumeMode.ORDERLY)
        void onOrderly(Order order) {
            orderly.add(order.orderId());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }

        @Bean
        RecordingMetrics metrics() {
            return new RecordingMetrics();
        }
    }

    private static ConfigurableApplicationContext context;
    private static Listeners listeners;
    private static RecordingMetrics metrics;
    private static Producer producer;
    private static AdminClient admin;
    private static String topic;
    private static String group;

    @BeforeAll
    static void start(EmbeddedBroker broker) {
        topic = TestTopics.unique("err");
        group = TestTopics.unique("g");
        context = ListenerContexts.start(ListenerContexts.with(ListenerContexts.fastConsumerProperties(broker.address()),
                "t.topic=" + topic, "t.group=" + group,
                "mq.listener.not-retryable-exceptions=java.lang.IllegalArgumentException"), Config.class);
        listeners = context.getBean(Listeners.class);
        metrics = context.getBean(RecordingMetrics.class);
        producer = Producer.builder().brokerAddress(broker.address()).producerGroup("err-test").build();
        producer.start();
        admin = AdminClient.create(broker.address());
    }

    @AfterAll
    static void stop() {
        context.close();
        producer.close();
        admin.close();
    }

    private static List<MessageExt> awaitDeadLetters(String suffix, int count) {
        List<MessageExt>[] found = new List[1];
        Await.until(() -> (found[0] = admin.listDlqMessages(group + suffix, 10)).size() >= count,
                () -> count + " dead letters of " + group + suffix + ", got " + found[0]);
        return found[0];
    }

    @Test
    void aBodyThatDoesNotConvertGoesToTheDeadLetterQueueAtOnce() {
        producer.send(Message.builder().topic(topic + "-convert").body("not json").keys("bad-1").build());
        List<MessageExt> dead = awaitDeadLetters("-convert", 1);
        assertEquals("not json", dead.get(0).bodyAsString());
        assertEquals(topic + "-convert", dead.get(0).property(MessageProperties.DLQ_ORIGIN_TOPIC));
        assertEquals(1, dead.get(0).reconsumeTimes(), "dead-lettered on the first failure, no retries");
        assertEquals(0, metrics.count("retried", group + "-convert"), metrics.toString());
        assertEquals(1, metrics.count("deadLettered", group + "-convert"), metrics.toString());
        // the listener goes on with the next message
        producer.send(Message.of(topic + "-convert", "{\"orderId\":\"o-1\",\"amount\":3}"));
        assertEquals(List.of(new Order("o-1", 3)), listeners.converted.awaitAtLeast(1));
    }

    @Test
    void aThrownExceptionIsRetriedWithTheBrokersBackOffUntilTheCallSucceeds() {
        producer.send(Message.of(topic + "-flaky", "flaky-1"));
        Await.until(() -> listeners.attempts.getOrDefault("flaky-1", new AtomicInteger()).get() == 3
                        && metrics.count("consumed", group + "-flaky") == 1,
                () -> "3 attempts and a success, got " + listeners.flakyReconsumeTimes.items() + " " + metrics);
        assertEquals(List.of(0, 1, 2), listeners.flakyReconsumeTimes.items());
        assertEquals(2, metrics.count("retried", group + "-flaky"));
        assertTrue(admin.listDlqMessages(group + "-flaky", 10).isEmpty());
    }

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterQueueAfterMaxRetries() {
        producer.send(Message.of(topic + "-hopeless", "hopeless-1"));
        List<MessageExt> dead = awaitDeadLetters("-hopeless", 1);
        assertEquals("hopeless-1", dead.get(0).bodyAsString());
        assertEquals(2, listeners.attempts.get("hopeless-1").get(), "the first delivery and maxRetries=1 retry");
        assertEquals(1, metrics.count("retried", group + "-hopeless"), metrics.toString());
        assertEquals(1, metrics.count("deadLettered", group + "-hopeless"), metrics.toString());
    }

    @Test
    void configuredNotRetryableExceptionsAndMissingHeadersGoStraightToTheDeadLetterQueue() {
        producer.send(Message.of(topic + "-invalid", "invalid-1"));
        producer.send(Message.of(topic + "-header", "no-tenant-1"));
        assertEquals("invalid-1", awaitDeadLetters("-invalid", 1).get(0).bodyAsString());
        assertEquals("no-tenant-1", awaitDeadLetters("-header", 1).get(0).bodyAsString());
        assertEquals(1, listeners.attempts.get("invalid-1").get());
        assertEquals(null, listeners.attempts.get("no-tenant-1"), "the method is not called without its header");
    }

    @Test
    void anOrderlyListenerParksAnUnreadableMessageInTheDeadLetterQueueAndKeepsTheQueueMoving() {
        String key = "order-7";
        producer.send(Message.of(topic + "-orderly", "{\"orderId\":\"first\",\"amount\":1}"), key);
        producer.send(Message.of(topic + "-orderly", "{broken"), key);
        producer.send(Message.of(topic + "-orderly", "{\"orderId\":\"third\",\"amount\":3}"), key);
        assertEquals(List.of("first", "third"), listeners.orderly.awaitAtLeast(2));
        List<MessageExt> dead = awaitDeadLetters("-orderly", 1);
        assertEquals("{broken", dead.get(0).bodyAsString());
        assertEquals(1, metrics.count("deadLettered", group + "-orderly"));
    }
}
