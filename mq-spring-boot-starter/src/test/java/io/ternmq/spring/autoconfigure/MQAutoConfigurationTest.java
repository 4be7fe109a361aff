package io.ternmq.spring.autoconfigure;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MQClientException;
import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.support.JacksonMQMessageConverter;
import io.ternmq.spring.support.MQMessageConverter;
import io.ternmq.spring.testing.CollectingConsumer;
import io.ternmq.spring.testing.StarterContexts;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What MQAutoConfiguration creates, what it gives way to, how it binds properties and when it closes the producer. */
@EmbeddedMQ
class MQAutoConfigurationTest {
    private ApplicationContextRunner runner;
    private String address;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        runner = StarterContexts.core(address);
    }

    @Test
    void createsClientProducerAdminConverterAndTemplate() {
        runner.run(context -> {
            assertTrue(context.getStartupFailure() == null, () -> String.valueOf(context.getStartupFailure()));
            assertEquals(address, context.getBean(ClientConfig.class).brokerAddress());
            assertInstanceOf(JacksonMQMessageConverter.class, context.getBean(MQMessageConverter.class));
            Producer producer = context.getBean("mqProducer", Producer.class);
            assertEquals("mq-producer", producer.producerGroup());
            assertTrue(producer.config().clientId().endsWith("@producer"), producer.config().clientId());
            assertNotNull(context.getBean(AdminClient.class));
            MQTemplate template = context.getBean(MQTemplate.class);
            assertSame(producer, template.getProducer());
        });
    }

    @Test
    void disabledStarterCreatesNothing() {
        runner.withPropertyValues("mq.enabled=false").run(context -> {
            assertFalse(context.containsBean("mqProducer"));
            assertEquals(0, context.getBeanNamesForType(MQTemplate.class).length);
            assertEquals(0, context.getBeanNamesForType(ClientConfig.class).length);
            assertEquals(0, context.getBeanNamesForType(MQProperties.class).length);
        });
    }

    @Test
    void bindsPropertiesIncludingDurationsAndSizes() {
        runner.withPropertyValues("mq.client-id=orders-7", "mq.request-timeout=1500ms", "mq.producer.group=orders",
                "mq.producer.send-timeout=5s", "mq.producer.retry-times-when-send-failed=4",
                "mq.producer.max-message-size=1MB", "mq.producer.batching.linger=2ms",
                "mq.producer.batching.max-size=64KB", "mq.health.lag-threshold=50",
                "mq.metrics.lag-poll-interval=1m").run(context -> {
            MQProperties p = context.getBean(MQProperties.class);
            assertEquals(Duration.ofSeconds(5), p.getProducer().getSendTimeout());
            assertEquals(4, p.getProducer().getRetryTimesWhenSendFailed());
            assertEquals(DataSize.ofMegabytes(1), p.getProducer().getMaxMessageSize());
            assertEquals(Duration.ofMillis(2), p.getProducer().getBatching().getLinger());
            assertEquals(DataSize.ofKilobytes(64), p.getProducer().getBatching().getMaxSize());
            assertEquals(50, p.getHealth().getLagThreshold());
            assertEquals(Duration.ofMinutes(1), p.getMetrics().getLagPollInterval());
            ClientConfig config = context.getBean(ClientConfig.class);
            assertEquals("orders-7", config.clientId());
            assertEquals(Duration.ofMillis(1500), config.requestTimeout());
            Producer producer = context.getBean(Producer.class);
            assertEquals("orders", producer.producerGroup());
            assertEquals("orders-7@producer", producer.config().clientId());
        });
    }

    @Test
    void maxMessageSizeReachesTheProducer() {
        runner.withPropertyValues("mq.producer.max-message-size=1KB").run(context -> {
            Producer producer = context.getBean(Producer.class);
            MQClientException e = assertThrows(MQClientException.class,
                    () -> producer.send(Message.of(TestTopics.unique("T"), new byte[2048])));
            assertTrue(e.getMessage().contains("1024"), e.getMessage());
        });
    }

    @Test
    void invalidPropertiesFailTheStartNamingTheProperty() {
        runner.withPropertyValues("mq.producer.batching.max-messages=0").run(context -> {
            assertNotNull(context.getStartupFailure());
            assertTrue(rootMessage(context.getStartupFailure()).contains("mq.producer.batching.max-messages"),
                    rootMessage(context.getStartupFailure()));
        });
        runner.withPropertyValues("mq.broker-address=no-port").run(context ->
                assertTrue(rootMessage(context.getStartupFailure()).contains("mq.broker-address"),
                        rootMessage(context.getStartupFailure())));
    }

    @Test
    void customizersAdjustTheProducer() {
        runner.withBean(MQProducerCustomizer.class, () -> b -> b.producerGroup("customized")).run(context ->
                assertEquals("customized", context.getBean(Producer.class).producerGroup()));
    }

    @Test
    void theApplicationsJsonMapperIsUsed() {
        record Order(String orderId) {
        }
        runner.withBean(JsonMapper.class, () -> JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()).run(context -> {
            byte[] body = context.getBean(MQMessageConverter.class).toBody(new Order("o-1"));
            assertEquals("{\"order_id\":\"o-1\"}", new String(body, StandardCharsets.UTF_8));
        });
    }

    @Test
    void applicationBeansWin() {
        MQMessageConverter own = new MQMessageConverter() {
            @Override
            public byte[] toBody(Object payload) {
                return new byte[0];
            }

            @Override
            public Object fromBody(byte[] body, Type type) {
                return null;
            }
        };
        ClientConfig config = ClientConfig.builder().brokerAddress(address).clientId("mine").build();
        runner.withBean(MQMessageConverter.class, () -> own).withBean(ClientConfig.class, () -> config)
                .withUserConfiguration(OwnTemplate.class).run(context -> {
                    assertSame(own, context.getBean(MQMessageConverter.class));
                    assertSame(config, context.getBean(ClientConfig.class));
                    assertEquals("mine@producer", context.getBean(Producer.class).config().clientId());
                    assertEquals(1, context.getBeanNamesForType(MQTemplate.class).length);
                    assertSame(OwnTemplate.TEMPLATE.get(), context.getBean(MQTemplate.class));
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTemplate {
        static final AtomicReference<MQTemplate> TEMPLATE = new AtomicReference<>();

        @Bean
        MQTemplate myTemplate(Producer producer, MQMessageConverter converter) {
            MQTemplate t = new MQTemplate(producer, converter);
            TEMPLATE.set(t);
            return t;
        }
    }

    /** Stands in for a listener container that sends while it stops gracefully. */
    static class SendingOnStop implements SmartLifecycle {
        private final MQTemplate template;
        private final String topic;
        private volatile boolean running;
        volatile Throwable failure;

        SendingOnStop(MQTemplate template, String topic) {
            this.template = template;
            this.topic = topic;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            try {
                template.send(topic, "sent-while-stopping");
            } catch (Throwable t) {
                failure = t;
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ContainerConfig {
        @Bean
        SendingOnStop container(MQTemplate template, @Value("${test.topic}") String topic) {
            return new SendingOnStop(template, topic);
        }
    }

    @Test
    void theProducerStaysOpenUntilEveryLifecycleBeanStoppedAndClosesAfterwards() {
        String topic = TestTopics.unique("T");
        try (AdminClient admin = AdminClient.create(address)) {
            admin.createTopic(topic, 2);
        }
        AtomicReference<SendingOnStop> container = new AtomicReference<>();
        AtomicReference<Producer> producer = new AtomicReference<>();
        try (CollectingConsumer consumer = CollectingConsumer.start(address, topic)) {
            runner.withUserConfiguration(ContainerConfig.class).withPropertyValues("test.topic=" + topic)
                    .run(context -> {
                        container.set(context.getBean(SendingOnStop.class));
                        producer.set(context.getBean(Producer.class));
                    });
            assertEquals(null, container.get().failure, () -> "send in stop() failed: " + container.get().failure);
            assertEquals("sent-while-stopping", consumer.await(1).get(0).bodyAsString());
        }
        MQClientException closed = assertThrows(MQClientException.class,
                () -> producer.get().send(Message.of(topic, "after close")));
        assertTrue(closed.getMessage().contains("CLOSED"), closed.getMessage());
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
