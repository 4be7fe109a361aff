package io.ternmq.spring.testing;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeOrderlyStatus;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PushConsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain client {@link PushConsumer} (no Spring) that records every message it receives with its arrival time, to
 * check what the starter sent. Orderly when asked, so per-queue order can be asserted. Close it after the test.
 */
public final class CollectingConsumer implements AutoCloseable {
    /** One received message and when it arrived (epoch millis). */
    public record Received(MessageExt message, long arrivedAtMs) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final PushConsumer consumer;

    private CollectingConsumer(String address, String group, String topic, boolean orderly) {
        consumer = PushConsumer.builder()
                .clientConfig(ClientConfig.builder().brokerAddress(address).heartbeatInterval(Duration.ofMillis(500))
                        .build())
                .consumerGroup(group).subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET)
                .pullMaxWait(Duration.ofMillis(500)).rebalanceInterval(Duration.ofSeconds(1))
                .persistInterval(Duration.ofMillis(200)).handoverDelay(Duration.ofMillis(100)).consumeThreads(4)
                .build();
        if (orderly) {
            consumer.registerOrderlyListener((msgs, ctx) -> {
                msgs.forEach(this::record);
                return ConsumeOrderlyStatus.SUCCESS;
            });
        } else {
            consumer.registerListener((msgs, ctx) -> {
                msgs.forEach(this::record);
                return ConsumeStatus.CONSUME_SUCCESS;
            });
        }
        consumer.start();
    }

    /** Starts a consumer of {@code topic} in a group of its own, from the first offset. */
    public static CollectingConsumer start(String address, String topic) {
        return new CollectingConsumer(address, TestTopics.unique("collector"), topic, false);
    }

    /** As {@link #start} but orderly: each queue is consumed one message after the other, in offset order. */
    public static CollectingConsumer startOrderly(String address, String topic) {
        return new CollectingConsumer(address, TestTopics.unique("collector"), topic, true);
    }

    private void record(MessageExt m) {
        received.add(new Received(m, System.currentTimeMillis()));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<MessageExt> messages() {
        return received.stream().map(Received::message).toList();
    }

    /** Waits until {@code count} messages arrived (30 s at most) and returns them. */
    public List<MessageExt> await(int count) {
        Await.until(() -> received.size() >= count, () -> count + " messages, got " + received.size());
        return messages();
    }

    /** The first message with this body, with its arrival time; waits for it. */
    public Received awaitBody(String body) {
        Map<String, Received> byBody = new ConcurrentHashMap<>();
        Await.until(() -> {
            received.forEach(r -> byBody.putIfAbsent(r.message().bodyAsString(), r));
            return byBody.containsKey(body);
        }, () -> "a message with body " + body + ", got " + new ArrayList<>(byBody.keySet()));
        return byBody.get(body);
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
