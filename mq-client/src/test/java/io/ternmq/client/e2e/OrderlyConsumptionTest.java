package io.ternmq.client.e2e;

import io.ternmq.client.Message;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.ConsumeOrderlyStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.MessageListenerOrderly;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orderly push consumption against a real broker: per-queue order, parallel queues, in-place retry. */
@EmbeddedMQ
class OrderlyConsumptionTest {

    static PushConsumer.Builder orderlyConsumer(String address, String group, String topic) {
        return TestClients.consumer(address, group, topic).suspendCurrentQueueTime(Duration.ofMillis(200))
                .rebalanceLockInterval(Duration.ofMillis(500)).lockMaxLiveTime(Duration.ofSeconds(2));
    }

    /** A listener that records every call in the ledger and takes {@code workMs} per message. */
    static MessageListenerOrderly recording(OrderlyLedger ledger, String member, long workMs) {
        return (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                long start = System.nanoTime();
                sleep(workMs);
                ledger.record(member, m.queueId(), m.queueOffset(), m.bodyAsString(), start, System.nanoTime());
            }
            return ConsumeOrderlyStatus.SUCCESS;
        };
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends orders x steps interleaved (step 1 of every order, then step 2, ...) with the order id as hash key. */
    static List<SendResult> sendInterleaved(Producer producer, String topic, List<String> orders) {
        List<SendResult> results = new ArrayList<>();
        for (String step : OrderlyLedger.STEPS) {
            for (String order : orders) {
                results.add(producer.send(Message.builder().topic(topic).body(order + " " + step).keys(List.of(order))
                        .build(), order));
            }
        }
        return results;
    }

    @Test
    void eachOrdersStepsAreConsumedInOrderWhileDifferentOrdersProceedInParallel(EmbeddedBroker broker) {
        String address = broker.address();
        String topic = TestClients.unique("Orders");
        String group = TestClients.unique("g");
        try (AdminClient admin = AdminClient.create(address)) {
            admin.createTopic(topic, 4);
        }
        OrderlyLedger ledger = new OrderlyLedger();
        try (Producer producer = TestClients.producer(address);
             PushConsumer a = orderlyConsumer(address, group, topic).build();
             PushConsumer b = orderlyConsumer(address, group, topic).build()) {
            a.registerOrderlyListener(recording(ledger, "a", 40));
            b.registerOrderlyListener(recording(ledger, "b", 40));
            a.start();
            b.start();
            Eventually.await(() -> a.assignedQueues().size() + b.assignedQueues().size() == 4,
                    () -> "4 queues split between a " + a.assignedQueues() + " and b " + b.assignedQueues());

            // the seeds' scenario: orders 1, 2, 3, each create -> pay -> push -> complete, sent interleaved
            List<String> orders = List.of("1", "2", "3");
            List<SendResult> sent = sendInterleaved(producer, topic, orders);
            Set<Integer> queuesUsed = new HashSet<>();
            sent.forEach(r -> queuesUsed.add(r.messageQueue().queueId()));
            assertTrue(queuesUsed.size() >= 2, "orders should spread over queues: " + queuesUsed);

            Eventually.await(() -> ledger.calls.size() >= sent.size(), () -> ledger.calls.size() + " of "
                    + sent.size() + " consumed");
            Map<String, List<String>> steps = OrderlyLedger.firstSeenSteps(new ArrayList<>(ledger.calls.stream()
                    .sorted((x, y) -> Long.compare(x.startNanos(), y.startNanos())).toList()));
            for (String order : orders) {
                assertEquals(OrderlyLedger.STEPS, steps.get(order), "steps of order " + order);
            }
            assertEquals(sent.size(), ledger.calls.size(), "no duplicates without failures or crashes");
            assertNull(ledger.overlappingCallsOnOneQueue(), "one call at a time per queue");
            OrderlyLedger.Call[] parallel = ledger.overlappingCallsOnDifferentQueues();
            assertNotNull(parallel, "different queues are consumed in parallel");
            ledger.byQueue().forEach((q, calls) -> {
                assertEquals(1, calls.stream().map(OrderlyLedger.Call::member).distinct().count(),
                        "queue " + q + " consumed by one member");
                OrderlyLedger.assertNothingSkipped(q, calls, calls.get(0).offset());
            });
        }
    }

    @Test
    void aFailingMessageBlocksItsQueueAndIsRetriedInPlaceWhileOtherQueuesGoOn(EmbeddedBroker broker) {
        String address = broker.address();
        String topic = TestClients.unique("Orders");
        try (AdminClient admin = AdminClient.create(address)) {
            admin.createTopic(topic, 4);
        }
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<Long> failedAt = new CopyOnWriteArrayList<>();
        Map<String, Integer> reconsumeTimes = new ConcurrentHashMap<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        try (Producer producer = TestClients.producer(address);
             PushConsumer consumer = orderlyConsumer(address, TestClients.unique("g"), topic).build()) {
            consumer.registerOrderlyListener((msgs, ctx) -> {
                MessageExt m = msgs.get(0);
                String body = m.bodyAsString();
                delivered.add(body);
                if (body.equals("A pay") && failuresLeft.getAndDecrement() > 0) {
                    failedAt.add(System.nanoTime());
                    reconsumeTimes.put("attempt" + failedAt.size(), m.reconsumeTimes());
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                if (body.equals("A pay")) {
                    reconsumeTimes.put("success", m.reconsumeTimes());
                }
                return ConsumeOrderlyStatus.SUCCESS;
            });
            consumer.start();
            Eventually.await(() -> consumer.assignedQueues().size() == 4, () -> "queues " + consumer.assignedQueues());
            int queueA = sendSteps(producer, topic, "A");
            String other = otherKey(producer, topic, queueA);
            sendSteps(producer, topic, other);

            Eventually.await(() -> delivered.stream().filter(s -> s.startsWith("A ")).count() == 6
                    && delivered.stream().filter(s -> s.startsWith(other + " ")).count() == 4,
                    () -> "delivered " + delivered);
            List<String> a = delivered.stream().filter(s -> s.startsWith("A ")).toList();
            assertEquals(List.of("A create", "A pay", "A pay", "A pay", "A push", "A complete"), a,
                    "the failed message is retried in place and nothing after it comes first");
            assertEquals(Map.of("attempt1", 0, "attempt2", 1, "success", 2), reconsumeTimes);
            long pauseMs = (failedAt.get(1) - failedAt.get(0)) / 1_000_000;
            assertTrue(pauseMs >= 180, "retried after the suspend time, not at once: " + pauseMs + " ms");
            int otherDone = delivered.indexOf(other + " complete");
            int aDone = delivered.lastIndexOf("A pay");
            assertTrue(otherDone < aDone, "another queue finished while A was blocked: " + delivered);
        }
    }

    private static int sendSteps(Producer producer, String topic, String order) {
        int queue = -1;
        for (String step : OrderlyLedger.STEPS) {
            queue = producer.send(Message.builder().topic(topic).body(order + " " + step).build(), order)
                    .messageQueue().queueId();
        }
        return queue;
    }

    /** An order id that hashes to a different queue than {@code queueA}. */
    private static String otherKey(Producer producer, String topic, int queueA) {
        for (int i = 0; ; i++) {
            String key = "B" + i;
            if (io.ternmq.client.MessageQueueSelector.byHash().select(
                    List.of(new io.ternmq.client.MessageQueue(topic, 0), new io.ternmq.client.MessageQueue(topic, 1),
                            new io.ternmq.client.MessageQueue(topic, 2), new io.ternmq.client.MessageQueue(topic, 3)),
                    null, key).queueId() != queueA) {
                return key;
            }
        }
    }
}
