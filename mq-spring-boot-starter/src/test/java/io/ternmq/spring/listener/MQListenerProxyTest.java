package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.testing.Await;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @MQListener on beans behind AOP proxies: found on the target class, called through the proxy. */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class MQListenerProxyTest {
    interface Greetings {
        void onGreeting(String body);
    }

    static class GreetingsListener implements Greetings {
        final Inbox<String> received = new Inbox<>();

        @Override
        @MQListener(topic = "${t.topic}-jdk", group = "${t.group}-jdk")
        public void onGreeting(String body) {
            received.add(body);
        }
    }

    static class FarewellsListener {
        private final Inbox<String> inbox = new Inbox<>();

        @MQListener(topic = "${t.topic}-cglib", group = "${t.group}-cglib")
        public void onFarewell(String body) {
            inbox.add(body);
        }

        /** Through the proxy (a field read on a CGLIB proxy would see the proxy's own, empty field). */
        public List<String> received() {
            return inbox.items();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        final Inbox<String> advised = new Inbox<>();

        /** A JDK proxy: only the interface is visible on the bean. */
        @Bean
        Greetings greetings() {
            ProxyFactory factory = new ProxyFactory(new GreetingsListener());
            factory.addInterface(Greetings.class);
            factory.addAdvice(recording("jdk"));
            return (Greetings) factory.getProxy();
        }

        /** A CGLIB proxy of a class without interfaces. */
        @Bean
        FarewellsListener farewells() {
            ProxyFactory factory = new ProxyFactory(new FarewellsListener());
            factory.setProxyTargetClass(true);
            factory.addAdvice(recording("cglib"));
            return (FarewellsListener) factory.getProxy();
        }

        @Bean
        Inbox<String> advised() {
            return advised;
        }

        private MethodInterceptor recording(String kind) {
            return invocation -> {
                advised.add(kind + ":" + invocation.getMethod().getName());
                return invocation.proceed();
            };
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listenersOnJdkAndCglibProxiesAreCalledThroughTheProxy(EmbeddedBroker broker) {
        String topic = TestTopics.unique("proxy");
        try (Producer producer = Producer.builder().brokerAddress(broker.address()).producerGroup("proxy-test").build();
             ConfigurableApplicationContext context = ListenerContexts.start(ListenerContexts.with(
                     ListenerContexts.fastConsumerProperties(broker.address()), "t.topic=" + topic,
                     "t.group=" + TestTopics.unique("g")), Config.class)) {
            producer.start();
            assertTrue(AopUtils.isJdkDynamicProxy(context.getBean("greetings")));
            assertTrue(AopUtils.isCglibProxy(context.getBean("farewells")));
            assertEquals(2, context.getBean(MQListenerEndpointRegistry.class).getListenerContainers().size());
            producer.send(Message.of(topic + "-jdk", "hello"));
            producer.send(Message.of(topic + "-cglib", "bye"));

            Inbox<String> advised = context.getBean("advised", Inbox.class);
            Await.until(() -> advised.items().containsAll(List.of("jdk:onGreeting", "cglib:onFarewell")),
                    () -> "calls through both proxies, got " + advised.items());
            assertEquals(List.of("bye"), context.getBean("farewells", FarewellsListener.class).received());
        }
    }
}
