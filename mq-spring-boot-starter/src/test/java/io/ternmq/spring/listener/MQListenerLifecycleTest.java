package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.annotation.MQListener;
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

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting, stopping, pausing and resuming listener containers through the registry, and graceful shutdown. */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class MQListenerLifecycleTest {
    private String address;
    private Producer producer;
    private String topic;
    private List<String> properties;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        producer = Producer.builder().brokerAddress(address).producerGroup("lifecycle-test").build();
        producer.start();
        topic = TestTopics.unique("life");
        properties = ListenerContexts.with(ListenerContexts.fastConsumerProperties(address), "t.topic=" + topic,
                "t.group=" + TestTopics.unique("g"));
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    /** A controlled listener and, on the same topic in another group, a witness that is never paused or stopped. */
    static class Listeners {
        final Inbox<String> controlled = new Inbox<>();
        final Inbox<String> manual = new Inbox<>();
        final Inbox<String> witness = new Inbox<>();

        @MQListener(id = "controlled", topic = "${t.topic}", group = "${t.group}-controlled")
        void onControlled(String body) {
            controlled.add(body);
        }

        @MQListener(id = "manual", topic = "${t.topic}", group = "${t.group}-manual", autoStartup = "false")
        void onManual(String body) {
            manual.add(body);
        }

        @MQListener(id = "witness", topic = "${t.topic}", group = "${t.group}-witness")
        void onWitness(String body) {
            witness.add(body);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    /** Sends and waits until the witness has it: from then on any running, unpaused listener could have it too. */
    private void sendAndWitness(Listeners listeners, String body) {
        producer.send(Message.of(topic, body));
        Await.until(() -> listeners.witness.items().contains(body), () -> "the witness gets " + body);
    }

    @Test
    void aPausedContainerKeepsItsQueuesAndGetsNothingUntilResumed() throws InterruptedException {
        try (ConfigurableApplicationContext context = ListenerContexts.start(properties, Config.class)) {
            Listeners listeners = context.getBean(Listeners.class);
            MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
            MQListenerContainer container = registry.getListenerContainer("controlled");
            sendAndWitness(listeners, "before");
            listeners.controlled.awaitAtLeast(1);

            registry.pause("controlled");
            assertTrue(container.isPaused());
            assertTrue(registry.containers().stream().anyMatch(i -> i.id().equals("controlled") && i.paused()));
            sendAndWitness(listeners, "while-paused-1");
            sendAndWitness(listeners, "while-paused-2");
            // the witness pulls with the same long-poll settings (500 ms); two more rounds for the paused one
            Thread.sleep(1000);
            assertEquals(List.of("before"), listeners.controlled.items());
            assertEquals(2, container.assignedQueues().stream().filter(q -> q.topic().equals(topic)).count(),
                    "pausing keeps the queues: " + container.assignedQueues());

            registry.resume("controlled");
            assertFalse(container.isPaused());
            Await.until(() -> listeners.controlled.size() == 3, () -> "3 after resume, got "
                    + listeners.controlled.items());
        }
    }

    @Test
    void aStoppedContainerLeavesItsGroupAndContinuesFromItsCommittedOffsetWhenStartedAgain() {
        try (ConfigurableApplicationContext context = ListenerContexts.start(properties, Config.class)) {
            Listeners listeners = context.getBean(Listeners.class);
            MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
            assertFalse(registry.getListenerContainer("manual").isRunning(), "autoStartup = \"false\"");
            sendAndWitness(listeners, "first");
            listeners.controlled.awaitAtLeast(1);

            assertTrue(info(registry, "controlled").shouldRun());
            assertFalse(info(registry, "manual").shouldRun(), "never started: not expected to run");
            registry.stop("controlled");
            assertFalse(registry.getListenerContainer("controlled").isRunning());
            assertFalse(info(registry, "controlled").shouldRun(), "stopped on purpose: health must not count it");
            sendAndWitness(listeners, "while-stopped");
            registry.start("controlled");
            registry.start("manual");
            assertTrue(info(registry, "controlled").shouldRun() && info(registry, "manual").shouldRun());
            assertEquals(List.of("first", "while-stopped"), listeners.controlled.awaitAtLeast(2));
            // the manual one has no committed offset yet: it starts from the first message (FIRST_OFFSET)
            assertEquals(List.of("first", "while-stopped"), listeners.manual.awaitAtLeast(2).stream().sorted()
                    .toList());
            assertThrows(IllegalArgumentException.class, () -> registry.stop("no-such-id"));
        }
    }

    private static MQListenerContainers.ContainerInfo info(MQListenerEndpointRegistry registry, String id) {
        return registry.containers().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static class SlowListener {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean finished = new AtomicBoolean();
        final Inbox<String> received = new Inbox<>();

        @MQListener(topic = "${t.topic}", group = "${t.group}-slow")
        void onMessage(String body) throws InterruptedException {
            received.add(body);
            if (body.equals("slow")) {
                entered.countDown();
                assertTrue(release.await(30, TimeUnit.SECONDS));
                finished.set(true);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowConfig {
        @Bean
        SlowListener slowListener() {
            return new SlowListener();
        }
    }

    @Test
    void closingTheContextWaitsForTheInFlightMessageAndCommitsIt() throws Exception {
        ConfigurableApplicationContext context = ListenerContexts.start(properties, SlowConfig.class);
        SlowListener slow = context.getBean(SlowListener.class);
        producer.send(Message.of(topic, "slow"));
        assertTrue(slow.entered.await(30, TimeUnit.SECONDS));

        Thread closing = new Thread(context::close, "closing-context");
        closing.start();
        closing.join(500);
        assertTrue(closing.isAlive(), "close waits for the running listener call");
        slow.release.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closing.isAlive());
        assertTrue(slow.finished.get());

        // the same group again: "slow" was committed, so only new messages come. Two of them, sent round-robin,
        // one behind "slow" in its queue: had "slow" not been committed, it would come before that one
        try (ConfigurableApplicationContext again = ListenerContexts.start(properties, SlowConfig.class)) {
            SlowListener next = again.getBean(SlowListener.class);
            producer.send(Message.of(topic, "after-restart-1"));
            producer.send(Message.of(topic, "after-restart-2"));
            Await.until(() -> next.received.items().containsAll(List.of("after-restart-1", "after-restart-2")),
                    () -> "both new messages, got " + next.received.items());
            assertFalse(next.received.items().contains("slow"), next.received.items().toString());
        }
    }
}
