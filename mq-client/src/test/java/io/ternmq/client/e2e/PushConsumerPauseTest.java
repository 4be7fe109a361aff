package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.ConsumeOrderlyStatus;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.protocol.message.MessageProperties;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause/resume of push consumers and the explicit dead-letter path, against a real broker. */
@EmbeddedMQ(config = "defaultTopicQueueNums=4")
class PushConsumerPauseTest {
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

    private PushConsumer concurrent(String group, String topic, Set<String> received) {
        PushConsumer c = TestClients.consumer(address, group, topic).build();
        c.registerListener((msgs, ctx) -> {
            msgs.forEach(m -> received.add(m.bodyAsString()));
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        closeables.add(c::shutdown);
        return c;
    }

    @Test
    void aPausedConsumerReceivesNothingKeepsItsQueuesAndCatchesUpOnResume() throws Exception {
        String topic = TestClients.unique("T");
        Set<String> received = ConcurrentHashMap.newKeySet();
        Set<String> witness = ConcurrentHashMap.newKeySet();
        producer.send(Message.of(topic, "before"));
        PushConsumer consumer = concurrent(TestClients.unique("g"), topic, received);
        consumer.start();
        // an unpaused consumer of another group shows when the messages were there to be pulled
        concurrent(TestClients.unique("witness"), topic, witness).start();
        Eventually.await(() -> received.contains("before") && witness.contains("before"), () -> "first message");
        Set<MessageQueue> queues = consumer.assignedQueues();

        consumer.pause();
        assertTrue(consumer.isPaused());
        for (int i = 0; i < 20; i++) {
            producer.send(Message.of(topic, "paused" + i));
        }
        Eventually.await(() -> witness.size() == 21, () -> "the witness gets all 21, got " + witness.size());
        // the witness pulls with the same long-poll settings; give the paused one two more long-poll rounds
        TimeUnit.MILLISECONDS.sleep(1000);
        assertEquals(Set.of("before"), received, "nothing may reach a paused consumer's listener");
        assertEquals(queues, consumer.assignedQueues(), "pausing must not give queues away");

        consumer.resume();
        assertFalse(consumer.isPaused());
        Eventually.await(() -> received.size() == 21, () -> "all 21 after resume, got " + received.size());
    }

    @Test
    void aConsumerPausedBeforeStartStartsPausedAndAnOrderlyOneResumesInOrder() {
        String topic = TestClients.unique("T");
        List<String> received = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            producer.send(Message.of(topic, "m" + i), "one-key");
        }
        PushConsumer consumer = OrderlyConsumptionTest.orderlyConsumer(address, TestClients.unique("g"), topic).build();
        consumer.registerOrderlyListener((msgs, ctx) -> {
            msgs.forEach(m -> received.add(m.bodyAsString()));
            return ConsumeOrderlyStatus.SUCCESS;
        });
        closeables.add(consumer::shutdown);
        consumer.pause();
        consumer.start();
        Eventually.await(() -> consumer.assignedQueues().size() == 4, () -> "4 queues locked while paused, got "
                + consumer.assignedQueues());
        // the broker lock renewals keep running while paused: the queues stay ours well past lockMaxLiveTime (2 s)
        Set<MessageQueue> queues = consumer.assignedQueues();
        OrderlyConsumptionTest.sleep(2500);
        assertEquals(queues, consumer.assignedQueues());
        assertTrue(received.isEmpty(), "paused before start: " + received);

        consumer.resume();
        Eventually.await(() -> received.size() == 10, () -> "10 after resume, got " + received);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("m" + i);
        }
        assertEquals(expected, received);
    }

    @Test
    void anOrderlyListenerCanMoveAPoisonMessageToTheDeadLetterQueueAndGoOn() {
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        List<String> consumed = new CopyOnWriteArrayList<>();
        PushConsumer[] self = new PushConsumer[1];
        PushConsumer consumer = OrderlyConsumptionTest.orderlyConsumer(address, group, topic).build();
        consumer.registerOrderlyListener((msgs, ctx) -> {
            for (MessageExt m : msgs) {
                if (m.bodyAsString().equals("poison")) {
                    self[0].sendToDeadLetterQueue(m).join();
                } else {
                    consumed.add(m.bodyAsString());
                }
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        self[0] = consumer;
        closeables.add(consumer::shutdown);
        consumer.start();
        producer.send(Message.builder().topic(topic).body("a").build(), "k");
        producer.send(Message.builder().topic(topic).body("poison").keys("poison-key").build(), "k");
        producer.send(Message.builder().topic(topic).body("b").build(), "k");

        Eventually.await(() -> consumed.size() == 2, () -> "a and b, got " + consumed);
        assertEquals(List.of("a", "b"), consumed);
        try (AdminClient admin = AdminClient.create(address)) {
            List<MessageExt> dead = admin.listDlqMessages(group, 10);
            assertEquals(1, dead.size(), dead.toString());
            assertEquals("poison", dead.get(0).bodyAsString());
            assertEquals(topic, dead.get(0).property(MessageProperties.DLQ_ORIGIN_TOPIC));
        }
    }
}
