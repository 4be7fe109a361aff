package io.ternmq.spring.listener;

import io.ternmq.client.ClientConfig;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.annotation.SelectorType;
import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQListenerAutoConfiguration;
import io.ternmq.spring.idempotency.IdempotencyGuard;
import io.ternmq.spring.support.MQMessageConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What MQListenerAutoConfiguration wires and how it fails. No broker: containers are created but not started
 * (mq.listener.auto-startup=false), and a broker address nobody listens on proves no consumer needs one to exist.
 */
class MQListenerAutoConfigurationTest {
    /** As an application has it: the core auto-configuration too, and strict placeholders. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
                    MQAutoConfiguration.class, MQListenerAutoConfiguration.class))
            .withPropertyValues("mq.broker-address=127.0.0.1:1", "mq.listener.auto-startup=false");

    /** The whole cause chain of a startup failure, one message per line. */
    private static String failure(AssertableApplicationContext context) {
        Throwable failure = context.getStartupFailure();
        assertNotNull(failure, "the context must not start");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append("\n");
        }
        return messages.toString();
    }

    private static void started(AssertableApplicationContext context) {
        assertNull(context.getStartupFailure(), () -> String.valueOf(context.getStartupFailure()));
    }

    static class OrdersListener {
        @MQListener(id = "orders", topic = "${app.topic:orders}", group = "billing", concurrency = "#{1 + 2}",
                maxRetries = "3")
        void onOrder(String body) {
        }
    }

    @Test
    void listenerBeansAreCreatedAndAnEndpointIsRegisteredWithItsResolvedAttributes() {
        runner.withUserConfiguration(OrdersListener.class).withPropertyValues("app.topic=orders-eu").run(context -> {
            started(context);
            assertNotNull(context.getBean(MQListenerAnnotationBeanPostProcessor.class));
            assertNotNull(context.getBean(MQListenerContainerFactory.class));
            assertNotNull(context.getBean(ListenerReplySender.class));
            assertInstanceOf(DefaultListenerExceptionClassifier.class,
                    context.getBean(ListenerExceptionClassifier.class));
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
            assertEquals(List.of(new MQListenerContainers.ContainerInfo("orders", "billing", "orders-eu", false,
                    false, false)), registry.containers());
        });
    }

    @Test
    void withoutTheCoreAutoConfigurationListenersBuildTheirOwnConnectionSettingsAndConverter() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MQListenerAutoConfiguration.class))
                .withPropertyValues("mq.broker-address=127.0.0.1:1", "mq.listener.auto-startup=false")
                .withUserConfiguration(OrdersListener.class).run(context -> {
                    started(context);
                    assertTrue(context.getBeansOfType(ClientConfig.class).isEmpty());
                    assertTrue(context.getBeansOfType(MQMessageConverter.class).isEmpty());
                    assertNotNull(context.getBean(MQListenerEndpointRegistry.class).getListenerContainer("orders"));
                });
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
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            started(context);
            assertSame(context.getBean("myClassifier"), context.getBean(ListenerExceptionClassifier.class));
            assertSame(context.getBean("myRegistry"), context.getBean(MQListenerEndpointRegistry.class));
            assertEquals(1, context.getBeansOfType(MQListenerEndpointRegistry.class).size());
        });
    }

    @Test
    void mqEnabledFalseTurnsListenersOff() {
        runner.withUserConfiguration(OrdersListener.class).withPropertyValues("mq.enabled=false").run(context -> {
            started(context);
            assertTrue(context.getBeansOfType(MQListenerEndpointRegistry.class).isEmpty());
            assertTrue(context.getBeansOfType(MQListenerAnnotationBeanPostProcessor.class).isEmpty());
        });
    }

    @Test
    void notRetryableExceptionsComeFromTheProperties() {
        runner.withPropertyValues("mq.listener.not-retryable-exceptions=java.lang.IllegalArgumentException")
                .run(context -> {
                    ListenerExceptionClassifier classifier = context.getBean(ListenerExceptionClassifier.class);
                    assertFalse(classifier.isRetryable(new RuntimeException(new NumberFormatException("x"))),
                            "a subclass in the cause chain");
                    assertTrue(classifier.isRetryable(new IllegalStateException("x")));
                });
    }

    static class NoGroup {
        @MQListener(topic = "orders", group = "${app.group:}")
        void onMessage(String body) {
        }
    }

    @Test
    void aListenerWithoutGroupFailsStartupNamingTheMethod() {
        runner.withUserConfiguration(NoGroup.class).run(context -> {
            String failure = failure(context);
            assertTrue(failure.contains("@MQListener on NoGroup.onMessage: group '${app.group:}' (resolved to '') "
                    + "is invalid: it is required"), failure);
        });
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
        runner.withUserConfiguration(BadTopic.class).run(context -> assertTrue(failure(context)
                .contains("@MQListener on BadTopic.onMessage: topic 'orders eu' is invalid"), failure(context)));
        runner.withUserConfiguration(BadConcurrency.class).withPropertyValues("app.threads=0").run(context ->
                assertTrue(failure(context).contains("concurrency '${app.threads}' (resolved to '0') is invalid: it "
                        + "must be at least 1"), failure(context)));
        runner.withUserConfiguration(MissingPlaceholder.class).run(context -> assertTrue(failure(context)
                .contains("@MQListener on MissingPlaceholder.onMessage: cannot resolve topic"), failure(context)));
        runner.withUserConfiguration(SqlWithoutCondition.class).run(context -> assertTrue(failure(context)
                .contains("selectorExpression '*' is invalid: an SQL92 selector needs a condition"), failure(context)));
    }

    static class BadKey {
        @MQListener(topic = "orders", group = "g", idempotencyKey = "#payload.")
        void onMessage(String body) {
        }
    }

    @Test
    void aMalformedIdempotencyKeyFailsStartupNamingTheMethod() {
        runner.withUserConfiguration(BadKey.class).run(context -> assertTrue(failure(context).contains(
                "@MQListener on BadKey.onMessage: idempotencyKey '#payload.' is not a valid SpEL expression"),
                failure(context)));
    }

    static class KeyedListener {
        @MQListener(topic = "orders", group = "g", idempotencyKey = "#payload")
        void onMessage(String body) {
        }
    }

    @Test
    void anIdempotencyKeyWithoutAGuardFailsStartupSayingWhatIsMissing() {
        runner.withUserConfiguration(KeyedListener.class).run(context -> assertTrue(failure(context).contains(
                "@MQListener on KeyedListener.onMessage has idempotencyKey '#payload', which needs an "
                        + "IdempotencyGuard bean: add a DataSource"), failure(context)));
    }

    @Test
    void anIdempotencyKeyIsAcceptedWithAGuardAndIgnoredWhenIdempotencyIsDisabled() {
        IdempotencyGuard guard = (group, key, transactional, handler) -> {
            handler.run();
            return IdempotencyGuard.Outcome.PROCESSED;
        };
        runner.withUserConfiguration(KeyedListener.class).withBean(IdempotencyGuard.class, () -> guard)
                .run(context -> {
                    started(context);
                    MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
                    assertEquals("#payload", registry.getListenerContainers().iterator().next().getEndpoint()
                            .idempotencyKey());
                });
        runner.withUserConfiguration(KeyedListener.class).withPropertyValues("mq.idempotency.enabled=false")
                .run(context -> {
                    started(context);
                    MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
                    assertNull(registry.getListenerContainers().iterator().next().getEndpoint().idempotencyKey());
                });
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
        runner.withUserConfiguration(TwoPayloads.class).run(context -> assertTrue(failure(context)
                .contains("@MQListener on TwoPayloads.onMessage: more than one payload parameter"), failure(context)));
        runner.withUserConfiguration(TwoListenersOneGroup.class).run(context -> assertTrue(failure(context)
                .contains("group 'shared' is already used by TwoListenersOneGroup."), failure(context)));
    }
}
