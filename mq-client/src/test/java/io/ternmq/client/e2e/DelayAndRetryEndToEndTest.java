package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageListener;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delayed sends, broker-side retry and the DLQ through the real client against a real broker. */
// level 2 waits 2 s, every other level 1 s: retries (level 3 + n) come back after a second
@EmbeddedMQ(config = {"defaultTopicQueueNums=4", "messageDelayLevel=1s 2s 1s 1s 1s 1s 1s 1s"})
class DelayAndRetryEndToEndTest {
    @RegisterExtension
    final CloseAfterEach closeables = new CloseAfterEach();
    private String address;
    private Producer producer;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        producer = TestClients.producer(address);
        closeables.add(producer);
    }

    private PushConsumer start(PushConsumer.Builder builder, MessageListener listener) {
        PushConsumer c = builder.build();
        c.registerListener(listener);
        c.start();
        closeables.add(c::shutdown);
        return c;
    }

    /** Arrival times by body, from a consumer that acks everything. */
    private Map<String, Long> arrivals(String topic) {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        start(TestClients.consumer(address, TestClients.unique("g"), topic), (msgs, ctx) -> {
            msgs.forEach(m -> arrived.putIfAbsent(m.bodyAsString(), System.currentTimeMillis()));
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        return arrived;
    }

    @Test
    void delayLevelDurationAndInstantEachHoldTheMessageBackUntilDue() {
        String topic = TestClients.unique("T");
        producer.send(Message.of(topic, "create"));
        Map<String, Long> arrived = arrivals(topic);
        Eventually.await(() -> arrived.containsKey("create"), () -> "consumer running");
        long sent = System.currentTimeMillis();
        producer.send(Message.builder().topic(topic).body("level").delayLevel(2).build());
        producer.send(Message.builder().topic(topic).body("after").deliverAfter(Duration.ofSeconds(3)).build());
        producer.send(Message.builder().topic(topic).body("at").deliverAt(Instant.ofEpochMilli(sent + 4_000)).build());
        producer.send(Message.of(topic, "now"));
        Eventually.await(() -> arrived.size() == 5, () -> "all delivered: " + arrived.keySet());
        assertTrue(arrived.get("now") - sent < 1_500, "undelayed message held back");
        assertWithin(arrived.get("level") - sent, 2_000, 3_500, "level 2");
        assertWithin(arrived.get("after") - sent, 3_000, 5_000, "deliverAfter 3 s");
        assertWithin(arrived.get("at") - sent, 4_000, 6_000, "deliverAt +4 s");
    }

    private static void assertWithin(long actual, long min, long max, String what) {
        // the broker stamps from its own clock; allow a few ms of skew on the lower bound
        assertTrue(actual >= min - 50 && actual <= max, what + " arrived after " + actual + " ms");
    }

    @Test
    void delayedMessagesCannotBeBatched() {
        String topic = TestClients.unique("T");
        Message delayed = Message.builder().topic(topic).body("d").delayLevel(1).build();
        assertThrows(IllegalArgumentException.class, () -> producer.send(List.of(delayed, Message.of(topic, "x"))));
        assertThrows(IllegalArgumentException.class, () -> Message.builder().topic(topic).body("x")
                .property(MessageProperties.DELAY, "1"));
    }

    @Test
    void failedMessageIsRetriedByTheBrokerThenDeadLetteredThenResent() throws Exception {
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        List<MessageExt> attempts = new CopyOnWriteArrayList<>();
        SendResult sent = producer.send(Message.builder().topic(topic).body("poison").keys("order-42").build());
        start(TestClients.consumer(address, group, topic).maxReconsumeTimes(2), (msgs, ctx) -> {
            attempts.addAll(msgs);
            // the fourth delivery is the one re-sent from the DLQ: accept it
            return attempts.size() >= 4 ? ConsumeStatus.CONSUME_SUCCESS : ConsumeStatus.RECONSUME_LATER;
        });
        try (AdminClient admin = AdminClient.create(TestClients.config(address))) {
            Eventually.await(() -> admin.listDlqMessages(group, 10).size() == 1,
                    () -> "dead letter after 3 attempts, attempts so far " + attempts.size());
            assertEquals(3, attempts.size());
            for (int i = 0; i < 3; i++) {
                MessageExt m = attempts.get(i);
                assertEquals(topic, m.topic(), "retries show the original topic");
                assertEquals(i, m.reconsumeTimes());
                assertEquals("poison", m.bodyAsString());
                assertEquals(sent.msgId(), m.msgId(), "the producer's id travels with every copy");
            }
            MessageExt dead = admin.listDlqMessages(group, 10).get(0);
            assertEquals(topic, dead.property(MessageProperties.DLQ_ORIGIN_TOPIC));
            assertEquals(attempts.get(0).offsetMsgId(), dead.property(MessageProperties.DLQ_ORIGIN_MESSAGE_ID));
            assertEquals(3, dead.reconsumeTimes());
            assertEquals(1, admin.queryDlqMessageByKey(group, "order-42", 10).size());

            admin.resendDlqMessage(group, dead.offsetMsgId());
            Eventually.await(() -> attempts.size() == 4, () -> "re-sent dead letter consumed");
            assertEquals(topic, attempts.get(3).topic());
            assertEquals(0, attempts.get(3).reconsumeTimes());
        }
    }

    @Test
    void groupRetryLimitSetThroughTheAdminClientApplies() {
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (AdminClient admin = AdminClient.create(TestClients.config(address))) {
            admin.updateSubscriptionGroup(group, true, 1);
            producer.send(Message.of(topic, "fails"));
            start(TestClients.consumer(address, group, topic), (msgs, ctx) -> {
                msgs.forEach(m -> attempts.add(m.reconsumeTimes()));
                return ConsumeStatus.RECONSUME_LATER;
            });
            Eventually.await(() -> admin.listDlqMessages(group, 10).size() == 1, () -> "dead letter, attempts "
                    + attempts);
            assertEquals(List.of(0, 1), attempts, "one retry, then the DLQ");
        }
    }
}
