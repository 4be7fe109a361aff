package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.SendStatus;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ(config = "defaultTopicQueueNums=4")
class ProducerEndToEndTest {
    private Producer producer;
    private PullConsumer reader;
    private String address;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        producer = TestClients.producer(address);
        reader = PullConsumer.builder().clientConfig(TestClients.config(address)).consumerGroup(TestClients.unique("r"))
                .build();
        reader.start();
    }

    @AfterEach
    void tearDown() {
        producer.close();
        reader.close();
    }

    /** Every message of a queue from offset 0. */
    private List<MessageExt> readAll(MessageQueue mq) {
        List<MessageExt> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            PullResult r = reader.pull(mq, offset, 64, Duration.ZERO);
            if (r.status() != PullStatus.FOUND && r.status() != PullStatus.NO_MATCHED_MSG) {
                return out;
            }
            out.addAll(r.messages());
            offset = r.nextOffset();
        }
    }

    /** Every message of a queue once {@code expected} are readable (the broker indexes asynchronously). */
    private List<MessageExt> readAll(MessageQueue mq, int expected) {
        Eventually.await(() -> readAll(mq).size() >= expected, () -> expected + " messages in " + mq);
        return readAll(mq);
    }

    @Test
    void syncSendToANewTopicAutoCreatesItAndReturnsIdsAndOffset() {
        String topic = TestClients.unique("T");
        SendResult r = producer.send(Message.builder().topic(topic).body("hello").tags("A").keys("order-1").build());
        assertEquals(SendStatus.SEND_OK, r.status());
        assertEquals(32, r.msgId().length());
        assertNotNull(r.offsetMsgId());
        assertEquals(0, r.queueOffset());
        MessageExt stored = readAll(r.messageQueue(), 1).get(0);
        assertEquals(r.msgId(), stored.msgId());
        assertEquals(r.offsetMsgId(), stored.offsetMsgId());
        assertEquals("hello", stored.bodyAsString());
        assertEquals("A", stored.tags());
        assertEquals(List.of("order-1"), stored.keys());
    }

    @Test
    void plainSendsAreSpreadRoundRobinOverTheQueues() {
        String topic = TestClients.unique("T");
        Map<Integer, Integer> perQueue = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            perQueue.merge(producer.send(Message.of(topic, "m" + i)).messageQueue().queueId(), 1, Integer::sum);
        }
        assertEquals(4, perQueue.size(), perQueue.toString());
    }

    @Test
    void asyncSendsCompleteWithResults() throws Exception {
        String topic = TestClients.unique("T");
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(producer.sendAsync(Message.of(topic, "m" + i)));
        }
        for (CompletableFuture<SendResult> f : futures) {
            assertEquals(SendStatus.SEND_OK, f.get(10, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void oneWaySendsArriveEventually() {
        String topic = TestClients.unique("T");
        producer.send(Message.of(topic, "create"));
        for (int i = 0; i < 10; i++) {
            producer.sendOneWay(Message.of(topic, "m" + i));
        }
        Eventually.await(() -> reader.fetchQueues(topic).stream().mapToInt(q -> readAll(q).size()).sum() == 11,
                () -> "11 messages stored");
    }

    @Test
    void batchGoesToOneQueueWithConsecutiveOffsets() {
        String topic = TestClients.unique("T");
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(Message.builder().topic(topic).body("b" + i).keys("k" + i).build());
        }
        SendResult r = producer.send(batch);
        assertEquals(SendStatus.SEND_OK, r.status());
        assertEquals(10, r.msgId().split(",").length);
        List<MessageExt> stored = readAll(r.messageQueue(), 10);
        assertEquals(10, stored.size());
        for (int i = 0; i < 10; i++) {
            assertEquals("b" + i, stored.get(i).bodyAsString());
            assertEquals(r.queueOffset() + i, stored.get(i).queueOffset());
            assertEquals(r.msgId().split(",")[i], stored.get(i).msgId());
        }
    }

    @Test
    void orderedSendsKeepPerKeyOrderAcrossQueues() {
        String topic = TestClients.unique("T");
        int keys = 6;
        int perKey = 30;
        for (int seq = 0; seq < perKey; seq++) {
            for (int k = 0; k < keys; k++) {
                producer.send(Message.builder().topic(topic).body("key" + k + ":" + seq).build(), "key" + k);
            }
        }
        Eventually.await(() -> reader.fetchQueues(topic).stream().mapToInt(q -> readAll(q).size()).sum() == keys * perKey,
                () -> "all ordered messages readable");
        Map<String, Integer> queueOfKey = new HashMap<>();
        Map<String, Integer> lastSeq = new HashMap<>();
        int total = 0;
        for (MessageQueue mq : reader.fetchQueues(topic)) {
            for (MessageExt m : readAll(mq)) {
                String[] parts = m.bodyAsString().split(":");
                Integer q = queueOfKey.putIfAbsent(parts[0], mq.queueId());
                assertTrue(q == null || q == mq.queueId(), parts[0] + " went to two queues");
                int seq = Integer.parseInt(parts[1]);
                assertEquals(lastSeq.getOrDefault(parts[0], -1) + 1, seq, "order of " + parts[0]);
                lastSeq.put(parts[0], seq);
                total++;
            }
        }
        assertEquals(keys * perKey, total);
        assertTrue(queueOfKey.values().stream().distinct().count() > 1, "keys should spread over queues");
    }

    @Test
    void sendToAnExplicitlyCreatedTopicUsesItsQueueCount() {
        String topic = TestClients.unique("T");
        try (AdminClient admin = AdminClient.create(TestClients.config(address))) {
            admin.createTopic(topic, 2);
        }
        for (int i = 0; i < 6; i++) {
            assertTrue(producer.send(Message.of(topic, "x")).messageQueue().queueId() < 2);
        }
    }
}
