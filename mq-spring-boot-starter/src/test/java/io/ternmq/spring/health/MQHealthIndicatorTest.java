package io.ternmq.spring.health;

import io.ternmq.spring.listener.MQListenerContainers;
import io.ternmq.spring.testing.FakeListenerContainers;
import io.ternmq.spring.testing.GroupLag;
import io.ternmq.spring.testing.StarterContexts;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MQHealthAutoConfiguration's conditions and the indicator's verdicts against a real broker. */
@EmbeddedMQ
class MQHealthIndicatorTest {
    private String address;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        runner = StarterContexts.all(address);
    }

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("mqHealthIndicator", HealthIndicator.class).health();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health, String name) {
        return (Map<String, Object>) health.getDetails().get(name);
    }

    @Test
    void upWithAReachableBrokerAndNoListeners() {
        runner.run(context -> {
            Health health = health(context);
            assertEquals(Status.UP, health.getStatus(), health.toString());
            Map<String, Object> broker = detail(health, "broker");
            assertEquals(address, broker.get("address"));
            assertEquals(true, broker.get("reachable"));
            assertNotNull(broker.get("version"));
        });
    }

    @Test
    void absentWhenDisabledWithoutSpringBootHealthOrWhenTheApplicationHasItsOwn() {
        runner.withPropertyValues("management.health.mq.enabled=false").run(context ->
                assertFalse(context.containsBean("mqHealthIndicator")));
        runner.withPropertyValues("management.health.defaults.enabled=false").run(context ->
                assertFalse(context.containsBean("mqHealthIndicator")));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run(context ->
                assertFalse(context.containsBean("mqHealthIndicator")));
        runner.withPropertyValues("mq.enabled=false").run(context ->
                assertFalse(context.containsBean("mqHealthIndicator")));
        HealthIndicator own = () -> Health.up().build();
        runner.withBean("mqHealthIndicator", HealthIndicator.class, () -> own).run(context ->
                assertSame(own, context.getBean("mqHealthIndicator")));
    }

    @Test
    void aStoppedListenerIsDownAPausedOneIsNot() {
        FakeListenerContainers containers = new FakeListenerContainers()
                .add("orders", TestTopics.unique("g"), "orders", true, false, true)
                .add("audit", TestTopics.unique("g"), "audit", true, true, true)
                .add("manual", TestTopics.unique("g"), "manual", false, false, false);
        runner.withBean(MQListenerContainers.class, () -> containers).run(context -> {
            Health health = health(context);
            assertEquals(Status.UP, health.getStatus(), health.toString());
            assertEquals(Map.of("orders", "running", "audit", "paused", "manual", "stopped"),
                    detail(health, "listeners"), "a container not meant to run (never started, or stopped on "
                            + "purpose) is not a failure");
        });
        containers.add("billing", TestTopics.unique("g"), "billing", false, false, true);
        runner.withBean(MQListenerContainers.class, () -> containers).run(context -> {
            Health health = health(context);
            assertEquals(Status.DOWN, health.getStatus(), health.toString());
            assertEquals("stopped", detail(health, "listeners").get("billing"));
        });
    }

    @Test
    void lagOverTheThresholdIsOutOfService() {
        String topic = TestTopics.unique("H");
        String group = TestTopics.unique("slow");
        GroupLag.create(address, topic, group, 2, 5);
        FakeListenerContainers containers = new FakeListenerContainers().add("slow", group, topic, true, false, true);
        runner.withBean(MQListenerContainers.class, () -> containers).withPropertyValues("mq.health.lag-threshold=4")
                .run(context -> {
                    Health health = health(context);
                    assertEquals(Status.OUT_OF_SERVICE, health.getStatus(), health.toString());
                    assertEquals(5L, detail(health, "lag").get(group));
                });
        runner.withBean(MQListenerContainers.class, () -> containers).withPropertyValues("mq.health.lag-threshold=5")
                .run(context -> assertEquals(Status.UP, health(context).getStatus()));
    }

    @Test
    void downWhenTheBrokerStops() {
        EmbeddedBroker own = EmbeddedBroker.builder().start();
        try {
            StarterContexts.all(own.address()).withPropertyValues("mq.request-timeout=1s").run(context -> {
                assertEquals(Status.UP, health(context).getStatus());
                own.close();
                Health health = health(context);
                assertEquals(Status.DOWN, health.getStatus(), health.toString());
                assertEquals(false, detail(health, "broker").get("reachable"));
                assertTrue(health.getDetails().containsKey("error"), health.toString());
            });
        } finally {
            own.close();
        }
    }
}
