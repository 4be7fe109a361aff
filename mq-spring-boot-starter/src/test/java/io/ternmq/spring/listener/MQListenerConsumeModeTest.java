package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.spring.annotation.ConsumeMode;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.testing.Await;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Orderly and broadcasting listeners against a real broker. */
@EmbeddedMQ(config = "defaultTopicQueueNums=4")
class MQListenerConsumeModeTest {
    private static final int KEYS = 6;
    private static final int STEPS = 12;

    private String address;
    private Producer producer;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        producer = Producer.builder().brokerAddress(address).producerGroup("mode-test").build();
        producer.start();
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    static class OrderlyListener {
        final Inbox<String> calls = new Inbox<>();

        @MQListener(topic = "${t.topic}", group = "${t.group}", consumeMode = ConsumeMode.ORDERLY, concurrency = "4")
        void onStep(String body, @Header(MQHeaders.KEYS) String key) throws InterruptedException {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // let queues interleave on the threads
            calls.add(body);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderlyConfig {
        @Bean
        OrderlyListener orderlyListener() {
            return new OrderlyListener();
        }
    }

    @Test
    void anOrderlyListenerSeesEachKeysMessagesInSendOrder() {
        String topic = TestTopics.unique("orderly");
        try (ConfigurableApplicationContext context = ListenerContexts.start(ListenerContexts.with(
                ListenerContexts.fastConsumerProperties(address), "t.topic=" + topic,
                "t.group=" + TestTopics.unique("g")), OrderlyConfig.class)) {
            OrderlyListener listener = context.getBean(OrderlyListener.class);
            for (int step = 0; step < STEPS; step++) {
                for (int key = 0; key < KEYS; key++) {
                    producer.send(Message.builder().topic(topic).body("k" + key + ":" + step).keys("k" + key).build(),
                            "k" + key);
                }
            }
            List<String> calls = listener.calls.awaitAtLeast(KEYS * STEPS);
            Map<String, List<Integer>> stepsByKey = calls.stream().collect(Collectors.groupingBy(
                    c -> c.substring(0, c.indexOf(':')), Collectors.mapping(
                            c -> Integer.parseInt(c.substring(c.indexOf(':') + 1)), Collectors.toList())));
            List<Integer> inOrder = IntStream.range(0, STEPS).boxed().toList();
            assertEquals(KEYS, stepsByKey.size(), stepsByKey.toString());
            stepsByKey.forEach((key, steps) -> assertEquals(inOrder, steps, "steps of " + key));
        }
    }

    static class BroadcastListener {
        final Inbox<String> received = new Inbox<>();

        @MQListener(topic = "${t.topic}", group = "${t.group}", messageModel = MessageModel.BROADCASTING)
        void onNews(String body) {
            received.add(body);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BroadcastConfig {
        @Bean
        BroadcastListener broadcastListener() {
            return new BroadcastListener();
        }
    }

    @Test
    void aBroadcastingListenerInEachOfTwoApplicationsGetsEveryMessage(@TempDir Path offsets) {
        String topic = TestTopics.unique("news");
        List<String> common = ListenerContexts.with(ListenerContexts.fastConsumerProperties(address),
                "t.topic=" + topic, "t.group=" + TestTopics.unique("g"), "mq.consumer.offset-store-dir=" + offsets);
        try (ConfigurableApplicationContext first = ListenerContexts.start(
                ListenerContexts.with(common, "mq.consumer.instance-name=app-1"), BroadcastConfig.class);
             ConfigurableApplicationContext second = ListenerContexts.start(
                     ListenerContexts.with(common, "mq.consumer.instance-name=app-2"), BroadcastConfig.class)) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add("news-" + i);
                producer.send(Message.of(topic, "news-" + i));
            }
            for (ConfigurableApplicationContext context : List.of(first, second)) {
                Inbox<String> received = context.getBean(BroadcastListener.class).received;
                Await.until(() -> new HashSet<>(received.items()).containsAll(sent),
                        () -> "all 20 in " + context.getId() + ", got " + received.items());
            }
            assertEquals(Set.copyOf(sent), Set.copyOf(first.getBean(BroadcastListener.class).received.items()));
            assertEquals(Set.copyOf(sent), Set.copyOf(second.getBean(BroadcastListener.class).received.items()));
        }
    }
}
