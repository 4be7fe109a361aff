package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.consumer.QueueRuntimeInfo;
import io.ternmq.client.producer.Producer;
import io.ternmq.protocol.message.MessageModel;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// short delay levels: failed messages come back through the broker's retry topic after a second
@EmbeddedMQ(config = {"defaultTopicQueueNums=4", "messageDelayLevel=1s 1s 1s 1s 1s 1s"})
class PushConsumerEndToEndTest {
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

    private PushConsumer start(PushConsumer.Builder builder, io.ternmq.client.consumer.MessageListener listener) {
        PushConsumer c = builder.build();
        c.registerListener(listener);
        c.start();
        closeables.add(c::shutdown);
        return c;
    }

    @Test
    void messagesSentSyncAsyncAndOneWayAreAllConsumed() throws Exception {
        String topic = TestClients.unique("T");
        Set<String> received = ConcurrentHashMap.newKeySet();
        producer.send(Message.of(topic, "create"));
        start(TestClients.consumer(address, TestClients.unique("g"), topic), (msgs, ctx) -> {
            msgs.forEach(m -> received.add(m.bodyAsString()));
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        for (int i = 0; i < 20; i++) {
            producer.send(Message.of(topic, "sync" + i));
            producer.sendAsync(Message.of(topic, "async" + i)).get(5, TimeUnit.SECONDS);
            producer.sendOneWay(Message.of(topic, "oneway" + i));
        }
        Eventually.await(() -> received.size() == 61, () -> "61 distinct messages, got " + received.size());
    }

    @Test
    void tagExpressionDeliversOnlyMatchingTags() {
        String topic = TestClients.unique("T");
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(TestClients.consumer(address, TestClients.unique("g"), topic).subscribe(topic, "A || B"), (msgs, ctx) -> {
            msgs.forEach(m -> received.add(m.tags()));
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        for (String tag : List.of("A", "B", "C", "A", "D")) {
            producer.send(Message.builder().topic(topic).body("x").tags(tag).build());
        }
        producer.send(Message.builder().topic(topic).body("end").tags("B").build());
        Eventually.await(() -> received.size() == 4, () -> "4 matching messages, got " + received);
        assertTrue(received.stream().allMatch(t -> t.equals("A") || t.equals("B")), received.toString());
    }

    @Test
    void reconsumeLaterAndExceptionsRedeliverTheMessage() {
        String topic = TestClients.unique("T");
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<Integer> reconsumeTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(TestClients.consumer(address, TestClients.unique("g"), topic), (msgs, ctx) -> {
            MessageExt m = msgs.get(0);
            int n = attempts.computeIfAbsent(m.bodyAsString(), k -> new AtomicInteger()).incrementAndGet();
            reconsumeTimes.add(m.reconsumeTimes());
            if (n == 1) {
                return ConsumeStatus.RECONSUME_LATER;
            }
            if (n == 2) {
                throw new IllegalStateException("boom");
            }
            return ConsumeStatus.CONSUME_SUCCESS;
        });
        producer.send(Message.of(topic, "flaky"));
        Eventually.await(() -> attempts.getOrDefault("flaky", new AtomicInteger()).get() == 3, () -> "3 attempts");
        assertEquals(List.of(0, 1, 2), reconsumeTimes);
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryMemberAndKeepsOffsetsInAFile(@TempDir Path dir) throws Exception {
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        producer.send(Message.of(topic, "create"));
        List<Set<String>> received = List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        List<PushConsumer> members = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Set<String> mine = received.get(i);
            members.add(start(TestClients.consumer(address, group, topic).messageModel(MessageModel.BROADCASTING)
                    .offsetStoreDir(dir).instanceName("member" + i), (msgs, ctx) -> {
                        msgs.forEach(m -> mine.add(m.bodyAsString()));
                        return ConsumeStatus.CONSUME_SUCCESS;
                    }));
        }
        for (int i = 0; i < 40; i++) {
            producer.send(Message.of(topic, "m" + i));
        }
        Eventually.await(() -> received.get(0).size() == 41 && received.get(1).size() == 41,
                () -> "both members get all 41, got " + received.get(0).size() + " and " + received.get(1).size());
        members.get(0).shutdown();
        assertTrue(Files.size(members.get(0).localOffsetFile()) > 0);
    }

    @Test
    void slowListenerKeepsTheCachePerQueueUnderTheThreshold() throws Exception {
        String topic = TestClients.unique("T");
        int threshold = 20;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger consumed = new AtomicInteger();
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(Message.of(topic, "m" + i));
        }
        io.ternmq.client.producer.SendResult r = producer.send(batch);
        PushConsumer c = start(TestClients.consumer(address, TestClients.unique("g"), topic)
                .pullThresholdForQueue(threshold).pullBatchSize(8).consumeThreads(2), (msgs, ctx) -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    consumed.incrementAndGet();
                    return ConsumeStatus.CONSUME_SUCCESS;
                });
        Eventually.await(() -> {
            QueueRuntimeInfo info = c.queueRuntimeInfo().get(r.messageQueue());
            return info != null && info.flowControlTimes() > 3;
        }, () -> "flow control kicks in: " + c.queueRuntimeInfo());
        int max = c.queueRuntimeInfo().values().stream().mapToInt(QueueRuntimeInfo::cachedCount).max().orElse(0);
        assertTrue(max <= threshold, "cached " + max + " > threshold " + threshold);
        release.countDown();
        Eventually.await(() -> consumed.get() >= 100, () -> "all 100 consumed after the listener speeds up");
    }
}
