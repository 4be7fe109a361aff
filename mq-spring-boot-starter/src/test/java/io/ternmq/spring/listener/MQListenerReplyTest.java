package io.ternmq.spring.listener;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.support.MQHeaders;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The listener side of request-reply: a return value goes to the request's reply topic. */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class MQListenerReplyTest {
    record QuoteRequest(String item, int quantity) {
    }

    record Quote(String item, long priceCents) {
    }

    static class Pricing {
        final Inbox<QuoteRequest> requests = new Inbox<>();

        @MQListener(topic = "${t.topic}", group = "${t.group}")
        Quote quote(QuoteRequest request) {
            requests.add(request);
            return new Quote(request.item(), 250L * request.quantity());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Pricing pricing() {
            return new Pricing();
        }
    }

    @Test
    void theReturnValueIsSentToTheReplyTopicWithTheCorrelationId(EmbeddedBroker broker) {
        String topic = TestTopics.unique("quotes");
        String replyTopic = TestTopics.unique("replies");
        Inbox<MessageExt> replies = new Inbox<>();
        try (Producer producer = Producer.builder().brokerAddress(broker.address()).producerGroup("reply-test").build();
             PushConsumer replyConsumer = PushConsumer.builder().brokerAddress(broker.address())
                     .consumerGroup(TestTopics.unique("reply-reader")).subscribe(replyTopic, "*")
                     .consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET).pullMaxWait(Duration.ofMillis(500))
                     .rebalanceInterval(Duration.ofSeconds(1)).build();
             ConfigurableApplicationContext context = ListenerContexts.start(ListenerContexts.with(
                     ListenerContexts.fastConsumerProperties(broker.address()), "t.topic=" + topic,
                     "t.group=" + TestTopics.unique("g")), Config.class)) {
            producer.start();
            replyConsumer.registerListener((msgs, ctx) -> {
                msgs.forEach(replies::add);
                return ConsumeStatus.CONSUME_SUCCESS;
            });
            replyConsumer.start();

            // without a reply topic the return value is dropped; the call still counts as done
            producer.send(Message.of(topic, "{\"item\":\"no-reply\",\"quantity\":1}"));
            producer.send(Message.builder().topic(topic).body("{\"item\":\"pen\",\"quantity\":2}")
                    .property(MQHeaders.REPLY_TO, replyTopic).property(MQHeaders.CORRELATION_ID, "c-1").build());
            producer.send(Message.builder().topic(topic).body("{\"item\":\"ink\",\"quantity\":3}")
                    .property(MQHeaders.REPLY_TO, replyTopic).property(MQHeaders.CORRELATION_ID, "c-2").build());

            List<MessageExt> received = replies.awaitAtLeast(2).stream()
                    .sorted(Comparator.comparing(m -> m.property(MQHeaders.CORRELATION_ID))).toList();
            assertEquals("{\"item\":\"pen\",\"priceCents\":500}", received.get(0).bodyAsString());
            assertEquals("c-1", received.get(0).property(MQHeaders.CORRELATION_ID));
            assertEquals("{\"item\":\"ink\",\"priceCents\":750}", received.get(1).bodyAsString());
            assertEquals("c-2", received.get(1).property(MQHeaders.CORRELATION_ID));
            Pricing pricing = context.getBean(Pricing.class);
            assertEquals(3, pricing.requests.awaitAtLeast(3).size());
            assertEquals(2, replies.size(), replies.items().toString());
        }
    }

    @Test
    void mqTemplateSendAndReceiveGetsTheListenersReturnValue(EmbeddedBroker broker) {
        String topic = TestTopics.unique("quotes");
        try (ConfigurableApplicationContext context = ListenerContexts.start(ListenerContexts.with(
                ListenerContexts.fastConsumerProperties(broker.address()), "t.topic=" + topic,
                "t.group=" + TestTopics.unique("g")), Config.class)) {
            MQTemplate template = context.getBean(MQTemplate.class);
            Quote quote = template.sendAndReceive(topic, new QuoteRequest("stamp", 4), Quote.class,
                    Duration.ofSeconds(30));
            assertEquals(new Quote("stamp", 1000L), quote);
        }
    }
}
