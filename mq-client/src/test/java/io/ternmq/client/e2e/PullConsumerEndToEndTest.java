package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.client.producer.Producer;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class PullConsumerEndToEndTest {
    private Producer producer;
    private PullConsumer consumer;
    private String topic;
    private MessageQueue mq;

    @BeforeEach
    void setUp(EmbeddedBroker broker) {
        topic = TestClients.unique("T");
        try (AdminClient admin = AdminClient.create(broker.address())) {
            admin.createTopic(topic, 1);
        }
        producer = TestClients.producer(broker.address());
        consumer = PullConsumer.builder().clientConfig(TestClients.config(broker.address()))
                .consumerGroup(TestClients.unique("g")).build();
        consumer.start();
        mq = new MessageQueue(topic, 0);
        for (int i = 0; i < 10; i++) {
            producer.send(Message.of(topic, "m" + i));
        }
        Eventually.await(() -> consumer.pull(mq, 0, 32, Duration.ZERO).messages().size() == 10, () -> "10 stored");
    }

    @AfterEach
    void tearDown() {
        producer.close();
        consumer.close();
    }

    @Test
    void fetchQueuesListsTheTopicsQueues() {
        assertEquals(List.of(mq), consumer.fetchQueues(topic));
    }

    @Test
    void pullFromAnOffsetReturnsMessagesAndTheNextOffset() {
        PullResult r = consumer.pull(mq, 3, 4, Duration.ofMillis(100));
        assertEquals(PullStatus.FOUND, r.status());
        assertEquals(List.of("m3", "m4", "m5", "m6"), r.messages().stream().map(m -> m.bodyAsString()).toList());
        assertEquals(7, r.nextOffset());
        assertEquals(10, r.maxOffset());
    }

    @Test
    void asyncPullsOfOneQueueCanBeInFlightTogether() throws Exception {
        var first = consumer.pullAsync(mq, 0, 5, Duration.ofMillis(100));
        var second = consumer.pullAsync(mq, 5, 5, Duration.ofMillis(100));
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), first.get(5, java.util.concurrent.TimeUnit.SECONDS)
                .messages().stream().map(m -> m.bodyAsString()).toList());
        PullResult r = second.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("m5", "m6", "m7", "m8", "m9"), r.messages().stream().map(m -> m.bodyAsString()).toList());
        assertEquals(10, r.nextOffset());
        assertEquals(0, consumer.position(mq), "an explicit-offset pull does not move the tracked position");
    }

    @Test
    void pullAtTheEndWaitsThenReportsNoNewMessage() {
        long start = System.nanoTime();
        PullResult r = consumer.pull(mq, 10, 4, Duration.ofMillis(300));
        assertEquals(PullStatus.NO_NEW_MSG, r.status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(250).toNanos(), "the broker held the pull");
    }

    @Test
    void longPollReturnsAsSoonAsAMessageArrives() throws Exception {
        var f = java.util.concurrent.CompletableFuture.supplyAsync(() -> consumer.pull(mq, 10, 4, Duration.ofSeconds(10)));
        Thread.sleep(200); // let the pull be held before the message arrives
        producer.send(Message.of(topic, "late"));
        PullResult r = f.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(PullStatus.FOUND, r.status());
        assertEquals("late", r.messages().get(0).bodyAsString());
    }

    @Test
    void commitSyncIsReadBackByCommitted() {
        assertEquals(OptionalLong.empty(), consumer.committed(mq));
        consumer.commitSync(mq, 6);
        assertEquals(OptionalLong.of(6), consumer.committed(mq));
    }

    @Test
    void positionStartsAtTheCommittedOffsetAndSeekMovesIt() {
        consumer.commitSync(mq, 4);
        PullResult r = consumer.pull(mq, 2, Duration.ofMillis(100));
        assertEquals("m4", r.messages().get(0).bodyAsString());
        assertEquals(6, consumer.position(mq));
        consumer.seek(mq, 1);
        assertEquals("m1", consumer.pull(mq, 1, Duration.ofMillis(100)).messages().get(0).bodyAsString());
        assertEquals(2, consumer.position(mq));
    }

    @Test
    void pullBeyondTheEndIsReportedAsAnIllegalOffsetWithWhereToContinue() {
        PullResult r = consumer.pull(mq, 1000, 4, Duration.ZERO);
        assertEquals(PullStatus.OFFSET_ILLEGAL, r.status());
        assertTrue(r.nextOffset() <= 10);
    }
}
