package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameters of listener methods filled from real messages sent by a plain client Producer. */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class MQListenerArgumentsTest {
    record Order(String orderId, int amount) {
    }

    /** One call of {@link Listeners#onHeaders}. */
    record HeaderCall(Order order, String tags, String keys, String region, long cents, int reconsumeTimes,
                      String missing, String defaulted, String rawTopic, String topicHeader) {
    }

    static class Listeners {
        final Inbox<Order> orders = new Inbox<>();
        final Inbox<List<Order>> lists = new Inbox<>();
        final Inbox<HeaderCall> headerCalls = new Inbox<>();
        final Inbox<org.springframework.messaging.Message<Order>> messages = new Inbox<>();
        final Inbox<Map<String, Object>> allHeaders = new Inbox<>();
        final Inbox<String> texts = new Inbox<>();

        @MQListener(topic = "${t.topic}-orders", group = "${t.group}-orders")
        void onOrder(Order order) {
            orders.add(order);
        }

        @MQListener(topic = "${t.topic}-lists", group = "${t.group}-lists")
        void onList(List<Order> batch) {
            lists.add(batch);
        }

        @MQListener(topic = "${t.topic}-headers", group = "${t.group}-headers")
        void onHeaders(@Header(MQHeaders.TAGS) String tags, @Payload Order order, @Header("region") String region,
                       @Header("amountCents") long cents, @Header(MQHeaders.RECONSUME_TIMES) int reconsumeTimes,
                       @Header(name = "missing", required = false) String missing,
                       @Header(name = "absent", defaultValue = "fallback") String defaulted, MessageExt raw,
                       @Header(MQHeaders.KEYS) String keys, MessageHeaders headers) {
            headerCalls.add(new HeaderCall(order, tags, keys, region, cents, reconsumeTimes, missing, defaulted,
                    raw.topic(), (String) headers.get(MQHeaders.TOPIC)));
        }

        @MQListener(topic = "${t.topic}-messages", group = "${t.group}-messages")
        void onMessage(org.springframework.messaging.Message<Order> message, @Headers Map<String, Object> headers) {
            messages.add(message);
            allHeaders.add(headers);
        }

        @MQListener(topic = "${t.topic}-text", group = "${t.group}-text")
        void onText(String text) {
            texts.add(text);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    private static ConfigurableApplicationContext context;
    private static Listeners listeners;
    private static Producer producer;
    private static String topic;

    @BeforeAll
    static void start(EmbeddedBroker broker) {
        topic = TestTopics.unique("args");
        context = ListenerContexts.start(ListenerContexts.with(ListenerContexts.fastConsumerProperties(broker.address()),
                "t.topic=" + topic, "t.group=" + TestTopics.unique("g")), Config.class);
        listeners = context.getBean(Listeners.class);
        producer = Producer.builder().brokerAddress(broker.address()).producerGroup("args-test").build();
        producer.start();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aJsonBodyIsReadAsTheParameterRecord() {
        producer.send(Message.of(topic + "-orders", "{\"orderId\":\"o-1\",\"amount\":12}"));
        assertEquals(List.of(new Order("o-1", 12)), listeners.orders.awaitAtLeast(1));
    }

    @Test
    void aJsonArrayIsReadAsAGenericListOfRecords() {
        producer.send(Message.of(topic + "-lists", "[{\"orderId\":\"a\",\"amount\":1},{\"orderId\":\"b\",\"amount\":2}]"));
        List<Order> batch = listeners.lists.awaitAtLeast(1).get(0);
        assertEquals(List.of(new Order("a", 1), new Order("b", 2)), batch);
        assertEquals(Order.class, batch.get(0).getClass(), "elements are records, not maps");
    }

    @Test
    void headersComeFromMetadataAndUserPropertiesConvertedToTheParameterType() {
        producer.send(Message.builder().topic(topic + "-headers").body("{\"orderId\":\"o-2\",\"amount\":5}")
                .tags("created").keys("o-2", "customer-9").property("region", "eu").property("amountCents", "1250")
                .build());
        HeaderCall call = listeners.headerCalls.awaitAtLeast(1).get(0);
        assertEquals(new HeaderCall(new Order("o-2", 5), "created", "o-2,customer-9", "eu", 1250L, 0, null,
                "fallback", topic + "-headers", topic + "-headers"), call);
    }

    @Test
    void aMessageParameterCarriesTheTypedPayloadAndTheHeaders() {
        producer.send(Message.builder().topic(topic + "-messages").body("{\"orderId\":\"o-3\",\"amount\":7}")
                .property("region", "us").build());
        org.springframework.messaging.Message<Order> message = listeners.messages.awaitAtLeast(1).get(0);
        assertEquals(new Order("o-3", 7), message.getPayload());
        assertEquals("us", message.getHeaders().get("region"));
        assertEquals(topic + "-messages", message.getHeaders().get(MQHeaders.TOPIC));
        Map<String, Object> headers = listeners.allHeaders.items().get(0);
        assertTrue(headers.containsKey(MQHeaders.MESSAGE_ID), headers.toString());
        assertFalse(headers.containsKey("UNIQ_KEY"), "client properties are not repeated as headers: " + headers);
        assertNull(headers.get("TAGS"));
    }

    @Test
    void aStringParameterGetsTheBodyAsText() {
        producer.send(Message.of(topic + "-text", "plain text, not JSON"));
        assertEquals(List.of("plain text, not JSON"), listeners.texts.awaitAtLeast(1));
    }
}
