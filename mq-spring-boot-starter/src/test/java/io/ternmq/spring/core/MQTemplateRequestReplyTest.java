package io.ternmq.spring.core;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.spring.testing.Responder;
import io.ternmq.spring.testing.StarterContexts;
import io.ternmq.spring.testing.TestTopics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request-reply through the template's reply inbox on a broker that creates no topics by itself, so the request
 * topic is created by the test and the reply topic by the inbox through the admin client.
 */
@EmbeddedMQ(config = "autoCreateTopicEnable=false")
class MQTemplateRequestReplyTest {
    private static String address;
    private static AdminClient admin;
    private static ApplicationContextRunner runner;

    record Question(String text) {
    }

    record Answer(String text, int length) {
    }

    @BeforeAll
    static void setUp(EmbeddedBroker broker) {
        address = broker.address();
        admin = AdminClient.create(address);
        runner = StarterContexts.core(address);
    }

    @AfterAll
    static void tearDown() {
        admin.close();
    }

    private static String requestTopic() {
        String topic = TestTopics.unique("REQ");
        admin.createTopic(topic, 2);
        return topic;
    }

    /** Replies {"text":"<request body upper-cased>","length":n}; the body is the request's JSON. */
    private static String shout(String requestJson) {
        return "{\"text\":\"" + requestJson.replace("\"", "'").toUpperCase() + "\",\"length\":" + requestJson.length()
                + "}";
    }

    @Test
    void aRequestGetsItsReplyConverted() {
        String topic = requestTopic();
        try (Responder responder = new Responder(address, topic, MQTemplateRequestReplyTest::shout)) {
            runner.run(context -> {
                MQTemplate template = context.getBean(MQTemplate.class);
                Answer first = template.sendAndReceive(topic, new Question("hi"), Answer.class, Duration.ofSeconds(20));
                assertEquals("{'TEXT':'HI'}", first.text());
                assertEquals("{\"text\":\"hi\"}".length(), first.length());
                // the second request reuses the started inbox
                Answer second = template.sendAndReceive(topic, new Question("again"), Answer.class,
                        Duration.ofSeconds(20));
                assertEquals("{'TEXT':'AGAIN'}", second.text());
                assertEquals(2, responder.answered());
            });
        }
    }

    @Test
    void genericReplyTypesAreConverted() {
        String topic = requestTopic();
        try (Responder responder = new Responder(address, topic, body -> "[" + shout(body) + "," + shout(body) + "]")) {
            runner.run(context -> {
                List<Answer> answers = context.getBean(MQTemplate.class).sendAndReceive(topic, new Question("x"),
                        SendOptions.defaults(), new ParameterizedTypeReference<List<Answer>>() {
                        }, Duration.ofSeconds(20));
                assertEquals(2, answers.size());
                assertEquals("{'TEXT':'X'}", answers.get(1).text());
                assertEquals(1, responder.answered());
            });
        }
    }

    @Test
    void noReplyInTimeIsAReplyTimeoutException() {
        String topic = requestTopic();
        runner.run(context -> {
            MQTemplate template = context.getBean(MQTemplate.class);
            long start = System.nanoTime();
            ReplyTimeoutException e = assertThrows(ReplyTimeoutException.class, () ->
                    template.sendAndReceive(topic, new Question("anyone?"), Answer.class, Duration.ofSeconds(1)));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs >= 1000, "gave up after " + waitedMs + " ms");
            assertTrue(e.getMessage().contains(topic) && e.getMessage().contains(e.correlationId()), e.getMessage());
        });
    }

    @Test
    void theReplyTopicIsCreatedOnFirstUseAndDeletedWithTheTemplate() {
        String topic = requestTopic();
        AtomicReference<String> replyTopic = new AtomicReference<>();
        try (Responder responder = new Responder(address, topic, MQTemplateRequestReplyTest::shout)) {
            runner.run(context -> {
                MQTemplate template = context.getBean(MQTemplate.class);
                replyTopic.set(template.getReplyInbox().topic());
                assertTrue(replyTopic.get().startsWith("REPLY_"), replyTopic.get());
                assertFalse(admin.listTopics().contains(replyTopic.get()), "created before the first request");
                template.sendAndReceive(topic, new Question("q"), Answer.class, Duration.ofSeconds(20));
                assertTrue(admin.listTopics().contains(replyTopic.get()), "not created by the first request");
                assertEquals(0, template.getReplyInbox().awaitedCount());
                assertEquals(1, responder.answered());
            });
        }
        assertFalse(admin.listTopics().contains(replyTopic.get()), "not deleted when the context closed");
    }

    @Test
    void requestsCarryReplyHeadersThatTheCallerMayNotSet() {
        runner.run(context -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context
                    .getBean(MQTemplate.class).sendAndReceive(requestTopic(), "x", SendOptions.builder()
                            .property("mq_correlationId", "mine").build(), new ParameterizedTypeReference<String>() {
                    }, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("mq_correlationId"), e.getMessage());
        });
    }
}
