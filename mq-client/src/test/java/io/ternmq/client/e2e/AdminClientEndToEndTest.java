package io.ternmq.client.e2e;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.admin.ConsumerProgress;
import io.ternmq.client.admin.GroupInfo;
import io.ternmq.client.admin.TopicRouteInfo;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.protocol.command.Topics;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class AdminClientEndToEndTest {
    private AdminClient admin;
    private Producer producer;
    private String address;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        admin = AdminClient.create(TestClients.config(address));
        producer = TestClients.producer(address);
    }

    @AfterEach
    void tearDown() {
        producer.close();
        admin.close();
    }

    @Test
    void createUpdateListRouteAndDeleteATopic() {
        String topic = TestClients.unique("T");
        admin.createTopic(topic, 3, Topics.PERM_READ_WRITE, false);
        assertTrue(admin.listTopics().contains(topic));
        admin.createTopic(topic, 5, Topics.PERM_READ_WRITE, true);
        TopicRouteInfo route = admin.topicRoute(topic);
        assertEquals(5, route.queueNums());
        assertTrue(route.order());
        assertEquals(5, route.queues().size());
        admin.deleteTopic(topic);
        assertFalse(admin.listTopics().contains(topic));
        MQBrokerException e = assertThrows(MQBrokerException.class, () -> admin.topicRoute(topic));
        assertEquals(ErrorCode.TOPIC_NOT_EXIST, e.errorCode());
    }

    @Test
    void routeShowsQueueOffsetsAfterSends() {
        String topic = TestClients.unique("T");
        admin.createTopic(topic, 1);
        for (int i = 0; i < 5; i++) {
            producer.send(Message.of(topic, "x"));
        }
        Eventually.await(() -> admin.topicRoute(topic).queues().get(0).maxOffset() == 5, () -> "max offset 5");
        assertEquals(0, admin.topicRoute(topic).queues().get(0).minOffset());
        assertTrue(admin.topicRoute(topic).queues().get(0).lastStoreTimestamp() > 0);
    }

    @Test
    void messagesCanBeFoundByKeyByIdAndByTime() {
        String topic = TestClients.unique("T");
        Instant begin = Instant.now().minusSeconds(5);
        SendResult r = producer.send(Message.builder().topic(topic).body("order").keys("ORDER-42").build());
        producer.send(Message.builder().topic(topic).body("other").keys("ORDER-43").build());
        Eventually.await(() -> admin.queryMessageByKey(topic, "ORDER-42", begin, Instant.now().plusSeconds(5), 10)
                .size() == 1, () -> "found by key");
        MessageExt byKey = admin.queryMessageByKey(topic, "ORDER-42", begin, Instant.now().plusSeconds(5), 10).get(0);
        assertEquals("order", byKey.bodyAsString());
        assertEquals(r.msgId(), admin.queryMessageById(r.msgId()).get(0).msgId());
        assertEquals(r.msgId(), admin.queryMessageById(r.offsetMsgId()).get(0).msgId());
        // A send is acknowledged before the dispatcher indexes it: "other" may not be queryable yet.
        Eventually.await(() -> admin.queryMessageByTime(topic, begin, Instant.now().plusSeconds(5), 10).size() == 2,
                () -> "both found by time");
        long offset = admin.searchOffset(topic, r.messageQueue().queueId(), begin);
        assertTrue(offset <= r.queueOffset());
    }

    @Test
    void groupsTheirMembersAndLagAreVisible() {
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        admin.createTopic(topic, 2);
        AtomicInteger consumed = new AtomicInteger();
        PushConsumer c = TestClients.consumer(address, group, topic).build();
        c.registerListener((msgs, ctx) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        c.start();
        try {
            for (int i = 0; i < 10; i++) {
                producer.send(Message.of(topic, "x" + i));
            }
            Eventually.await(() -> consumed.get() == 10, () -> "consumed 10");
            assertEquals(List.of(c.clientId()), admin.consumerList(group));
            GroupInfo info = admin.listGroups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow();
            assertTrue(info.clientIds().contains(c.clientId()));
            Eventually.await(() -> {
                // the group's %RETRY% queue has a row too
                List<ConsumerProgress> rows = admin.consumerProgress(group).stream()
                        .filter(p -> p.topic().equals(topic)).toList();
                return rows.size() == 2 && rows.stream().allMatch(p -> p.lag() == 0)
                        && rows.stream().mapToLong(ConsumerProgress::brokerOffset).sum() == 10;
            }, () -> "lag 0 on both queues: " + admin.consumerProgress(group));
        } finally {
            c.shutdown();
        }
        assertFalse(admin.brokerStatus().isEmpty());
    }
}
