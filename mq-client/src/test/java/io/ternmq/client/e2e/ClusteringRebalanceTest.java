package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.AllocateStrategy;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageListener;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendStatus;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members join and leave a clustering group while messages are produced. Proves: every acknowledged message is
 * consumed at least once, and no message is ever in a listener of two members at the same time.
 */
@EmbeddedMQ
class ClusteringRebalanceTest {

    /** Counts deliveries per message and catches overlapping listener calls for the same message. */
    static final class DeliveryLedger {
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();

        MessageListener listener() {
            return (msgs, ctx) -> {
                for (var m : msgs) {
                    String key = m.keys().get(0);
                    if (inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
                try {
                    Thread.sleep(2); // a little work, so listener calls overlap rebalances
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (var m : msgs) {
                    inFlight.get(m.keys().get(0)).decrementAndGet();
                }
                return ConsumeStatus.CONSUME_SUCCESS;
            };
        }

        long duplicates() {
            return deliveries.values().stream().mapToInt(AtomicInteger::get).filter(n -> n > 1).count();
        }
    }

    @ParameterizedTest
    @EnumSource(AllocateStrategy.class)
    void membersJoiningAndLeavingLoseNothingAndNeverProcessAMessageTwiceAtOnce(AllocateStrategy strategy,
                                                                             EmbeddedBroker broker) throws Exception {
        String address = broker.address();
        String topic = TestClients.unique("T");
        String group = TestClients.unique("g");
        try (AdminClient admin = AdminClient.create(address)) {
            admin.createTopic(topic, 8);
        }
        DeliveryLedger ledger = new DeliveryLedger();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean producing = new AtomicBoolean(true);
        List<PushConsumer> members = new ArrayList<>();
        Thread producerThread;
        try (Producer producer = TestClients.producer(address)) {
            producerThread = new Thread(() -> {
                int i = 0;
                while (producing.get()) {
                    String key = "m" + i++;
                    try {
                        if (producer.send(Message.builder().topic(topic).body(key).keys(key).build()).status()
                                == SendStatus.SEND_OK) {
                            acknowledged.add(key);
                        }
                    } catch (RuntimeException e) {
                        // not acknowledged: not counted
                    }
                }
            }, "test-producer");
            producerThread.start();
            PushConsumer first = member(address, group, topic, strategy, ledger);
            members.add(first);
            awaitProgress(ledger, 50);
            members.add(member(address, group, topic, strategy, ledger));
            awaitProgress(ledger, ledger.deliveries.size() + 50);
            members.add(member(address, group, topic, strategy, ledger));
            awaitProgress(ledger, ledger.deliveries.size() + 50);
            // consistent hashing may leave a member without queues, so check the split instead (of the topic's
            // queues: members also share the group's %RETRY% queue)
            Eventually.await(() -> members.stream().mapToLong(m -> m.assignedQueues().stream()
                            .filter(q -> q.topic().equals(topic)).count()).sum() == 8
                            && members.stream().flatMap(m -> m.assignedQueues().stream())
                            .filter(q -> q.topic().equals(topic)).distinct().count() == 8,
                    () -> "the 8 queues split among the 3 members");
            first.shutdown();
            members.remove(first);
            awaitProgress(ledger, ledger.deliveries.size() + 50);
            members.add(member(address, group, topic, strategy, ledger));
            awaitProgress(ledger, ledger.deliveries.size() + 50);
            PushConsumer second = members.remove(0);
            second.shutdown();
            awaitProgress(ledger, ledger.deliveries.size() + 50);
            producing.set(false);
            producerThread.join();
            Eventually.await(Duration.ofSeconds(60), () -> ledger.deliveries.keySet().containsAll(acknowledged),
                    () -> "all " + acknowledged.size() + " acknowledged messages consumed, missing "
                            + acknowledged.stream().filter(k -> !ledger.deliveries.containsKey(k)).limit(10).toList());
        } finally {
            producing.set(false);
            members.forEach(PushConsumer::shutdown);
        }
        assertEquals(0, ledger.overlaps.get(), "a message was in two listeners at the same time");
        assertTrue(acknowledged.size() > 250, "produced " + acknowledged.size());
        System.out.printf("rebalance %s: %d acknowledged, %d consumed, %d duplicates, 0 overlaps%n", strategy,
                acknowledged.size(), ledger.deliveries.size(), ledger.duplicates());
    }

    private static PushConsumer member(String address, String group, String topic, AllocateStrategy strategy,
                                       DeliveryLedger ledger) {
        PushConsumer c = TestClients.consumer(address, group, topic).allocateStrategy(strategy).build();
        c.registerListener(ledger.listener());
        c.start();
        return c;
    }

    private static void awaitProgress(DeliveryLedger ledger, int distinct) {
        Eventually.await(() -> ledger.deliveries.size() >= distinct,
                () -> distinct + " distinct messages consumed, got " + ledger.deliveries.size());
    }
}
