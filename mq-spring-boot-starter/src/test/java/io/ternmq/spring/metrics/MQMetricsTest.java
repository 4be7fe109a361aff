package io.ternmq.spring.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ternmq.client.MQClientException;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import io.ternmq.spring.listener.MQListenerContainers;
import io.ternmq.spring.testing.Await;
import io.ternmq.spring.testing.FakeListenerContainers;
import io.ternmq.spring.testing.GroupLag;
import io.ternmq.spring.testing.StarterContexts;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** MQMetricsAutoConfiguration's conditions, and the meters moving with real sends and a real group's lag. */
@EmbeddedMQ
class MQMetricsTest {
    private String address;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        runner = StarterContexts.all(address).withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    }

    @Test
    void aMeterRegistryBeanTurnsTheMetersOn() {
        runner.run(context -> {
            assertInstanceOf(MicrometerMQMetrics.class, context.getBean(MQMetrics.class));
            assertEquals(1, context.getBeanNamesForType(ConsumerLagMeters.class).length);
        });
    }

    @Test
    void noMetersWithoutARegistryBeanMicrometerOrWhenSwitchedOff() {
        StarterContexts.all(address).run(context ->
                assertEquals(0, context.getBeanNamesForType(MQMetrics.class).length));
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context ->
                assertEquals(0, context.getBeanNamesForType(MQMetrics.class).length));
        runner.withPropertyValues("mq.metrics.enabled=false").run(context -> {
            assertEquals(0, context.getBeanNamesForType(MQMetrics.class).length);
            assertEquals(0, context.getBeanNamesForType(ConsumerLagMeters.class).length);
        });
        runner.withPropertyValues("mq.enabled=false").run(context ->
                assertEquals(0, context.getBeanNamesForType(MQMetrics.class).length));
    }

    @Test
    void anApplicationMetricsBeanWins() {
        MQMetrics own = new MQMetrics() {
        };
        runner.withBean(MQMetrics.class, () -> own).run(context -> assertSame(own, context.getBean(MQMetrics.class)));
    }

    @Test
    void sendsAreCountedAndTimedByOutcome() {
        String topic = TestTopics.unique("M");
        runner.withPropertyValues("mq.producer.max-message-size=1KB").run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            template.send(topic, "one");
            template.sendAsync(topic, "two").join();
            template.sendBatch(topic, List.of("a", "b", "c"), SendOptions.defaults());
            assertThrows(MQClientException.class, () -> template.send(topic, new byte[2048]));

            assertEquals(5.0, registry.get("mq.messages.sent").tags("topic", topic, "result", "success").counter()
                    .count());
            assertEquals(3, registry.get("mq.send").tags("topic", topic, "result", "success").timer().count());
            assertEquals(1.0, registry.get("mq.messages.sent").tags("topic", topic, "result", "failure").counter()
                    .count());
            assertEquals(1, registry.get("mq.send").tags("topic", topic, "result", "failure").timer().count());
        });
    }

    @Test
    void consumeSideCallsBecomeCountersAndTimers() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMQMetrics metrics = new MicrometerMQMetrics(registry);
        metrics.consumed("g", "t", 3, true, Duration.ofMillis(5));
        metrics.consumed("g", "t", 2, false, Duration.ofMillis(7));
        metrics.retried("g", "t");
        metrics.deadLettered("g", "t");
        metrics.duplicateSkipped("g", "t");
        metrics.duplicateSkipped("g", "t");
        assertEquals(3.0, registry.get("mq.messages.consumed").tags("group", "g", "topic", "t").counter().count());
        assertEquals(2.0, registry.get("mq.messages.failed").tags("group", "g", "topic", "t").counter().count());
        assertEquals(1, registry.get("mq.consume").tags("group", "g", "topic", "t", "result", "failure").timer()
                .count());
        assertEquals(1.0, registry.get("mq.messages.retried").counter().count());
        assertEquals(1.0, registry.get("mq.messages.dlq").counter().count());
        assertEquals(2.0, registry.get("mq.messages.duplicates").counter().count());
    }

    @Test
    void theLagGaugeFollowsEachListenerGroup() {
        String topic = TestTopics.unique("L");
        String group = TestTopics.unique("lagging");
        GroupLag.create(address, topic, group, 3, 5);
        FakeListenerContainers containers = new FakeListenerContainers()
                .add("orders", group, topic, true, false, true);
        runner.withBean(MQListenerContainers.class, () -> containers)
                .withPropertyValues("mq.metrics.lag-poll-interval=100ms").run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Await.until(() -> registry.find("mq.consumer.lag").tag("group", group).gauge() != null
                                    && registry.find("mq.consumer.lag").tag("group", group).gauge().value() == 5.0,
                            () -> "mq.consumer.lag{group=" + group + "} = 5, is " + describe(registry.find(
                                    "mq.consumer.lag").tag("group", group).gauge()));
                    // the gauge follows the broker: two more messages, two more of lag
                    context.getBean(MQTemplate.class).send(topic, "more-1");
                    context.getBean(MQTemplate.class).send(topic, "more-2");
                    Await.until(() -> registry.find("mq.consumer.lag").tag("group", group).gauge().value() == 7.0,
                            () -> "lag 7, is " + describe(registry.find("mq.consumer.lag").tag("group", group).gauge()));
                });
    }

    private static String describe(Gauge gauge) {
        return gauge == null ? "not registered" : Double.toString(gauge.value());
    }
}
