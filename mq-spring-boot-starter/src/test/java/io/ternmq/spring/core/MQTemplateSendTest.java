package io.ternmq.spring.core;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.SendStatus;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.testing.CollectingConsumer;
import io.ternmq.spring.testing.StarterContexts;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.spring.transaction.TransactionalSender;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.support.MessageBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MQTemplate's sends against a real broker, checked with a plain client consumer. */
@EmbeddedMQ(config = "defaultTopicQueueNums=4")
class MQTemplateSendTest {
    private static String address;
    private static AdminClient admin;
    private static ApplicationContextRunner runner;

    record Order(String id, int quantity) {
    }

    @BeforeAll
    static void setUp(EmbeddedBroker broker) {
        address = broker.address();
        admin = AdminClient.create(address);
        runner = StarterContexts.core(address);
    }

    @AfterAll
    static void tearDown() {
        admin.close();
    }

    private static String topic() {
        String topic = TestTopics.unique("T");
        admin.createTopic(topic, 4);
        return topic;
    }

    @Test
    void sendConvertsThePayloadToJsonAndWaitsForTheBroker() {
        String topic = topic();
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            SendResult result = template.send(topic, new Order("o-1", 2));
            assertEquals(SendStatus.SEND_OK, result.status());
            try (CollectingConsumer consumer = CollectingConsumer.start(address, topic)) {
                MessageExt m = consumer.await(1).get(0);
                assertEquals("{\"id\":\"o-1\",\"quantity\":2}", m.bodyAsString());
                assertEquals(result.msgId(), m.msgId());
            }
        });
    }

    @Test
    void sendAsyncAndOneWayArrive() {
        String topic = topic();
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            CompletableFuture<SendResult> future = template.sendAsync(topic, "async");
            assertEquals(SendStatus.SEND_OK, future.get(10, TimeUnit.SECONDS).status());
            template.sendOneWay(topic, "one-way");
            try (CollectingConsumer consumer = CollectingConsumer.start(address, topic)) {
                consumer.awaitBody("async");
                consumer.awaitBody("one-way");
            }
        });
    }

    @Test
    void destinationTagOptionsKeysAndPropertiesReachTheMessage() {
        String topic = topic();
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            template.send(topic + ":created", "x", SendOptions.builder().keys("o-1", "o-2")
                    .property("tenant", "acme").build());
            try (CollectingConsumer consumer = CollectingConsumer.start(address, topic)) {
                MessageExt m = consumer.await(1).get(0);
                assertEquals("created", m.tags());
                assertEquals(List.of("o-1", "o-2"), m.keys());
                assertEquals("acme", m.property("tenant"));
            }
            IllegalArgumentException conflict = assertThrows(IllegalArgumentException.class, () ->
                    template.send(topic + ":created", "x", SendOptions.builder().tags("paid").build()));
            assertTrue(conflict.getMessage().contains("conflicting tags"), conflict.getMessage());
        });
    }

    @Test
    void springMessageHeadersTravelAsPropertiesTagAndKeys() {
        String topic = topic();
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            template.send(topic, MessageBuilder.withPayload(new Order("o-9", 1)).setHeader(MQHeaders.TAGS, "paid")
                    .setHeader(MQHeaders.KEYS, "o-9").setHeader("tenant", "acme").setHeader("attempt", 3)
                    .setHeader(MQHeaders.QUEUE_OFFSET, 42L).build(), SendOptions.defaults());
            try (CollectingConsumer consumer = CollectingConsumer.start(address, topic)) {
                MessageExt m = consumer.await(1).get(0);
                assertEquals("{\"id\":\"o-9\",\"quantity\":1}", m.bodyAsString());
                assertEquals("paid", m.tags());
                assertEquals(List.of("o-9"), m.keys());
                assertEquals("acme", m.property("tenant"));
                assertEquals("3", m.property("attempt"));
                assertNull(m.property("id"), "Spring's id header must not travel");
                assertNull(m.property("timestamp"), "Spring's timestamp header must not travel");
                assertNull(m.property(MQHeaders.QUEUE_OFFSET), "received metadata must not travel");
            }
            IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class, () -> template.send(
                    topic, MessageBuilder.withPayload("x").setHeader("DELAY", "3").build(), SendOptions.defaults()));
            assertTrue(reserved.getMessage().contains("'DELAY' is reserved"), reserved.getMessage());
        });
    }

    @Test
    void sameHashKeyGoesToOneQueueAndIsConsumedInSendOrder() {
        String topic = topic();
        List<String> keys = List.of("customer-a", "customer-b", "customer-c", "customer-d");
        int perKey = 15;
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            Map<String, MessageQueue> queueOfKey = new LinkedHashMap<>();
            for (int i = 0; i < perKey; i++) {
                for (String key : keys) {
                    SendResult r = template.send(topic, key + "#" + i, SendOptions.builder().hashKey(key).build());
                    MessageQueue previous = queueOfKey.putIfAbsent(key, r.messageQueue());
                    if (previous != null) {
                        assertEquals(previous, r.messageQueue(), "key " + key + " changed queue at message " + i);
                    }
                }
            }
            try (CollectingConsumer consumer = CollectingConsumer.startOrderly(address, topic)) {
                List<MessageExt> all = consumer.await(keys.size() * perKey);
                for (String key : keys) {
                    List<String> expected = new ArrayList<>();
                    for (int i = 0; i < perKey; i++) {
                        expected.add(key + "#" + i);
                    }
                    List<String> got = all.stream().map(MessageExt::bodyAsString).filter(b -> b.startsWith(key + "#"))
                            .toList();
                    assertEquals(expected, got, "consumption order of " + key);
                }
            }
        });
    }

    @Test
    void aBatchIsStoredInOneQueueWithConsecutiveOffsets() {
        String topic = topic();
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            SendResult result = template.sendBatch(topic, List.of("b0", "b1", "b2", "b3", "b4"),
                    SendOptions.builder().tags("batch").build());
            assertEquals(5, result.msgId().split(",").length);
            try (CollectingConsumer consumer = CollectingConsumer.start(address, topic)) {
                List<MessageExt> got = consumer.await(5).stream()
                        .sorted(java.util.Comparator.comparingLong(MessageExt::queueOffset)).toList();
                for (int i = 0; i < 5; i++) {
                    assertEquals("b" + i, got.get(i).bodyAsString());
                    assertEquals(result.messageQueue().queueId(), got.get(i).queueId());
                    assertEquals(result.queueOffset() + i, got.get(i).queueOffset());
                    assertEquals("batch", got.get(i).tags());
                }
            }
            assertThrows(IllegalArgumentException.class, () -> template.sendBatch(topic, List.of("x"),
                    SendOptions.builder().delayLevel(1).build()));
            assertThrows(IllegalArgumentException.class, () -> template.sendBatch(topic, List.of(),
                    SendOptions.defaults()));
        });
    }

    @Test
    void oneWaySendsRefuseAnOrderingKey() {
        runner.run(context -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context
                    .getBean(MQTemplate.class).sendOneWay("T", "x", SendOptions.builder().hashKey("k").build()));
            assertTrue(e.getMessage().contains("hashKey"), e.getMessage());
        });
    }

    @Test
    void sendInTransactionExplainsWhatIsMissingWithoutTransactionSupport() {
        runner.run(context -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> context
                    .getBean(MQTemplate.class).sendInTransaction("T", "x", SendOptions.defaults()));
            assertTrue(e.getMessage().contains("DataSource") && e.getMessage().contains("mq.transaction.enabled"),
                    e.getMessage());
        });
    }

    @Test
    void sendInTransactionDelegatesToTheTransactionalSender() {
        AtomicReference<io.ternmq.client.Message> seen = new AtomicReference<>();
        AtomicReference<String> seenKey = new AtomicReference<>();
        TransactionalSender fake = (message, hashKey) -> {
            seen.set(message);
            seenKey.set(hashKey);
            return null;
        };
        runner.withBean(TransactionalSender.class, () -> fake).run(context -> {
            assertNull(context.getBean(MQTemplate.class).sendInTransaction("orders:created", new Order("o-3", 1),
                    SendOptions.builder().hashKey("c-1").keys("o-3").build()));
            assertEquals("orders", seen.get().topic());
            assertEquals("created", seen.get().tags());
            assertEquals(List.of("o-3"), seen.get().keys());
            assertEquals("c-1", seenKey.get());
        });
    }

    @Test
    void aNullPayloadIsRejected() {
        runner.run(context -> assertFalse(assertThrows(IllegalArgumentException.class,
                () -> context.getBean(MQTemplate.class).send("T", (Object) null)).getMessage().isEmpty()));
    }
}
