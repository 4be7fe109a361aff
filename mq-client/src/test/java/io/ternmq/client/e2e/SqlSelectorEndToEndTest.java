package io.ternmq.client.e2e;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageSelector;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.protocol.ErrorCode;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL92 selectors from the client: filtered at the broker, malformed ones refused at start. */
@EmbeddedMQ(config = "defaultTopicQueueNums=2")
class SqlSelectorEndToEndTest {
    private String address;
    private Producer producer;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        address = broker.address();
        producer = TestClients.producer(address);
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    private void sendOrders(String topic) {
        int[] amounts = {50, 150, 99, 300, 101};
        String[] regions = {"eu", "eu", "us", "apac", "us"};
        for (int i = 0; i < amounts.length; i++) {
            producer.send(Message.builder().topic(topic).body("order-" + amounts[i])
                    .property("amount", Integer.toString(amounts[i])).property("region", regions[i]).build());
        }
    }

    @Test
    void pushConsumerReceivesOnlyMessagesMatchingItsSqlSelector() {
        String topic = TestClients.unique("Sql");
        sendOrders(topic);
        List<String> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = TestClients.consumer(address, TestClients.unique("g"), topic)
                .subscribe(topic, MessageSelector.bySql("amount > 100 AND region IN ('eu', 'us')")).build();
        consumer.registerListener((msgs, ctx) -> {
            msgs.forEach(m -> received.add(m.bodyAsString()));
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            producer.send(Message.builder().topic(topic).body("late-match").property("amount", "1000")
                    .property("region", "us").build());
            Eventually.await(() -> received.size() == 3, () -> "3 matching orders, got " + received);
            assertEquals(List.of("late-match", "order-101", "order-150"), received.stream().sorted().toList());
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void malformedSqlFailsTheConsumerStartNamingTheColumn() {
        String topic = TestClients.unique("Sql");
        PushConsumer consumer = TestClients.consumer(address, TestClients.unique("g"), topic)
                .subscribe(topic, MessageSelector.bySql("amount > AND region = 'eu'")).build();
        consumer.registerListener((msgs, ctx) -> ConsumeStatus.CONSUME_SUCCESS);
        MQBrokerException refused = assertThrows(MQBrokerException.class, consumer::start);
        assertEquals(ErrorCode.SUBSCRIPTION_ILLEGAL, refused.errorCode());
        assertTrue(refused.getMessage().contains("column 10"), refused.getMessage());
    }

    @Test
    void pullConsumerSelectorFiltersEveryPull() {
        String topic = TestClients.unique("Sql");
        sendOrders(topic);
        try (PullConsumer consumer = PullConsumer.builder().clientConfig(TestClients.config(address))
                .consumerGroup(TestClients.unique("g")).selector(MessageSelector.bySql("region = 'us'")).build()) {
            consumer.start();
            List<String> bodies = new CopyOnWriteArrayList<>();
            Eventually.await(() -> {
                bodies.clear();
                for (MessageQueue mq : consumer.fetchQueues(topic)) {
                    PullResult r = consumer.pull(mq, 0, 32, Duration.ZERO);
                    r.messages().forEach(m -> bodies.add(m.bodyAsString()));
                }
                return bodies.size() == 2;
            }, () -> "2 orders from us, got " + bodies);
            assertEquals(List.of("order-101", "order-99"), bodies.stream().sorted().toList());
        }
    }
}
