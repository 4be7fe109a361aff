package io.ternmq.spring.listener;

import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.annotation.SelectorType;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What MQListenerAutoConfiguration wires and how it fails. No broker: containers are created but not started
 * (mq.listener.auto-startup=false), and a broker address nobody listens on proves nothing connects.
 */
class MQListenerAutoConfigurationTest {
    private static final List<String> NOT_STARTED = List.of("mq.broker-address=127.0.0.1:1",
            "mq.listener.auto-startup=false");

    static class OrdersListener {
        @MQListener(id = "orders", topic = "${app.topic:orders}", group = "billing", concurrency = "#{1 + 2}",
                maxRetries = "3")
        void onOrder(String body) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrdersConfig {
        @Bean
        OrdersListener ordersListener() {
            return new OrdersListener();
        }
    }

    @Test
    void listenerBeansAreCreatedAndAnEndpointIsRegisteredWithItsResolvedAttributes() {
        try (ConfigurableApplicationContext context = ListenerContexts.start(
                ListenerContexts.with(NOT_STARTED, "app.topic=orders-eu"), OrdersConfig.class)) {
            assertNotNull(context.getBean(MQListenerAnnotationBeanPostProcessor.class));
            assertNotNull(context.getBean(MQListenerContainerFactory.class));
            assertNotNull(context.getBean(ListenerReplySender.class));
            assertInstanceOf(DefaultListenerExceptionClassifier.class, context.getBean(ListenerExceptionClassifier.class));
            MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
            assertSame(registry, context.getBean(MQListenerContainers.class));
            MQListenerContainer container = registry.getListenerContainer("orders");
            assertNotNull(container, registry.getListenerContainerIds().toString());
            MQListenerEndpoint endpoint = container.getEndpoint();
            assertEquals("orders-eu", endpoint.topic());
            assertEquals("billing", endpoint.group());
            assertEquals(3, endpoint.concurrency());
            assertEquals(3, endpoint.maxRetries());
            assertEquals("OrdersListener.onOrder", endpoint.source());
            assertFalse(container.isRunning(), "mq.listener.auto-startup=false");
            assertEquals(List.of(new MQListenerContainers.ContainerInfo("orders", "billing", "orders-eu", false, false)),
                    registry.containers());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        @Bean
        ListenerExceptionClassifier myClassifier() {
            return failure -> false;
        }

        @Bean
        MQListenerEndpointRegistry myRegistry(MQListenerContainerFactory factory) {
            return new MQListenerEndpointRegistry(factory);
        }
    }

    @Test
    void beansTheApplicationDeclaresReplaceTheDefaults() {
        try (ConfigurableApplicationContext context = ListenerContexts.start(NOT_STARTED, OwnBeans.class)) {
            assertSame(context.getBean("myClassifier"), context.getBean(ListenerExceptionClassifier.class));
            assertSame(context.getBean("myRegistry"), context.getBean(MQListenerEndpointRegistry.class));
            assertEquals(1, context.getBeansOfType(MQListenerEndpointRegistry.class).size());
        }
    }

    @Test
    void mqEnabledFalseTurnsListenersOff() {
        try (ConfigurableApplicationContext context = ListenerContexts.start(
                ListenerContexts.with(NOT_STARTED, "mq.enabled=false"))) {
            assertTrue(context.getBeansOfType(MQListenerEndpointRegistry.class).isEmpty());
            assertTrue(context.getBeansOfType(MQListenerAnnotationBeanPostProcessor.class).isEmpty());
        }
    }

    @Test
    void notRetryableExceptionsComeFromTheProperties() {
        try (ConfigurableApplicationContext context = ListenerContexts.start(ListenerContexts.with(NOT_STARTED,
                "mq.listener.not-retryable-exceptions=java.lang.IllegalArgumentException"))) {
            ListenerExceptionClassifier classifier = context.getBean(ListenerExceptionClassifier.class);
            assertFalse(classifier.isRetryable(new RuntimeException(new NumberFormatException("x"))),
                    "a subclass in the cause chain");
            assertTrue(classifier.isRetryable(new IllegalStateException("x")));
        }
    }

    static class NoGroup {
        @MQListener(topic = "orders", group = "${app.group:}")
        void onMessage(String body) {
        }
    }

    @Test
    void aListenerWithoutGroupFailsStartupNamingTheMethod() {
        String failure = ListenerContexts.startupFailure(NOT_STARTED, NoGroup.class);
        assertTrue(failure.contains("@MQListener on NoGroup.onMessage: group '${app.group:}' (resolved to '') is "
                + "invalid: it is required"), failure);
    }

    static class BadTopic {
        @MQListener(topic = "orders eu", group = "g")
        void onMessage(String body) {
        }
    }

    static class BadConcurrency {
        @MQListener(topic = "orders", group = "g", concurrency = "${app.threads}")
        void onMessage(String body) {
        }
    }

    static class MissingPlaceholder {
        @MQListener(topic = "${app.undefined}", group = "g")
        void onMessage(String body) {
        }
    }

    static class SqlWithoutCondition {
        @MQListener(topic = "orders", group = "g", selectorType = SelectorType.SQL92)
        void onMessage(String body) {
        }
    }

    @Test
    void badAttributeValuesFailStartupNamingMethodAttributeAndValue() {
        String topic = ListenerContexts.startupFailure(NOT_STARTED, BadTopic.class);
        assertTrue(topic.contains("@MQListener on BadTopic.onMessage: topic 'orders eu' is invalid"), topic);
        String threads = ListenerContexts.startupFailure(ListenerContexts.with(NOT_STARTED, "app.threads=0"),
                BadConcurrency.class);
        assertTrue(threads.contains("concurrency '${app.threads}' (resolved to '0') is invalid: it must be at least 1"),
                threads);
        String missing = ListenerContexts.startupFailure(NOT_STARTED, MissingPlaceholder.class);
        assertTrue(missing.contains("@MQListener on MissingPlaceholder.onMessage: cannot resolve topic"), missing);
        String sql = ListenerContexts.startupFailure(NOT_STARTED, SqlWithoutCondition.class);
        assertTrue(sql.contains("selectorExpression '*' is invalid: an SQL92 selector needs a condition"), sql);
    }

    static class BadKey {
        @MQListener(topic = "orders", group = "g", idempotencyKey = "#payload.")
        void onMessage(String body) {
        }
    }

    @Test
    void aMalformedIdempotencyKeyFailsStartupNamingTheMethod() {
        String failure = ListenerContexts.startupFailure(NOT_STARTED, BadKey.class);
        assertTrue(failure.contains("@MQListener on BadKey.onMessage: idempotencyKey '#payload.' is not a valid SpEL "
                + "expression"), failure);
    }

    static class KeyedListener {
        @MQListener(topic = "orders", group = "g", idempotencyKey = "#payload")
        void onMessage(String body) {
        }
    }

    @Test
    void anIdempotencyKeyWithoutAGuardFailsStartupSayingWhatIsMissing() {
        String failure = ListenerContexts.startupFailure(NOT_STARTED, KeyedListener.class);
        assertTrue(failure.contains("@MQListener on KeyedListener.onMessage has idempotencyKey '#payload', which needs "
                + "an IdempotencyGuard bean: add a DataSource"), failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class GuardConfig {
        @Bean
        IdempotencyGuard guard() {
            return (group, key, transactional, handler) -> {
                handler.run();
                return IdempotencyGuard.Outcome.PROCESSED;
            };
        }
    }

    @Test
    void anIdempotencyKeyIsAcceptedWithAGuardAndIgnoredWhenIdempotencyIsDisabled() {
        try (ConfigurableApplicationContext context = ListenerContexts.start(NOT_STARTED, KeyedListener.class,
                GuardConfig.class)) {
            assertEquals(1, context.getBean(MQListenerEndpointRegistry.class).getListenerContainers().size());
        }
        try (ConfigurableApplicationContext context = ListenerContexts.start(
                ListenerContexts.with(NOT_STARTED, "mq.idempotency.enabled=false"), KeyedListener.class)) {
            assertEquals(1, context.getBean(MQListenerEndpointRegistry.class).getListenerContainers().size());
        }
    }

    static class TwoPayloads {
        @MQListener(topic = "orders", group = "g")
        void onMessage(String body, @Payload String again) {
        }
    }

    static class TwoListenersOneGroup {
        @MQListener(topic = "orders", group = "shared")
        void first(String body) {
        }

        @MQListener(topic = "payments", group = "shared")
        void second(String body, @Header("mq_tags") String tags) {
        }
    }

    @Test
    void unsupportedMethodsAndSharedGroupsFailStartup() {
        String payloads = ListenerContexts.startupFailure(NOT_STARTED, TwoPayloads.class);
        assertTrue(payloads.contains("@MQListener on TwoPayloads.onMessage: more than one payload parameter"),
                payloads);
        String shared = ListenerContexts.startupFailure(NOT_STARTED, TwoListenersOneGroup.class);
        assertTrue(shared.contains("group 'shared' is already used by TwoListenersOneGroup."), shared);
    }
}
