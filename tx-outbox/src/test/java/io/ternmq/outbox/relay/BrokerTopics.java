package io.ternmq.outbox.relay;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.client.producer.Producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The broker side of the relay tests: creating topics, producers, and reading back what a topic holds. */
final class BrokerTopics {
    /** Queues of every topic the tests create. */
    static final int QUEUES = 4;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private BrokerTopics() {
    }

    static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
    }

    static ClientConfig config(String address) {
        return ClientConfig.builder().brokerAddress(address).requestTimeout(Duration.ofSeconds(3)).build();
    }

    static void create(String address, String topic) {
        try (AdminClient admin = AdminClient.create(config(address))) {
            admin.createTopic(topic, QUEUES);
        }
    }

    static Producer producer(String address) {
        Producer p = Producer.builder().clientConfig(config(address)).producerGroup(unique("relay"))
                .sendTimeout(Duration.ofSeconds(3)).routeRefreshInterval(Duration.ofMillis(200)).build();
        p.start();
        return p;
    }

    /** Every message stored in the topic, queue by queue, each queue in offset order. */
    static List<MessageExt> readAll(String address, String topic) {
        try (PullConsumer reader = PullConsumer.builder().clientConfig(config(address))
                .consumerGroup(unique("reader")).build()) {
            reader.start();
            List<MessageExt> out = new ArrayList<>();
            for (int q = 0; q < QUEUES; q++) {
                long offset = 0;
                while (true) {
                    PullResult r = reader.pull(new MessageQueue(topic, q), offset, 64, Duration.ZERO);
                    if (r.status() != PullStatus.FOUND && r.status() != PullStatus.NO_MATCHED_MSG) {
                        break;
                    }
                    out.addAll(r.messages());
                    offset = r.nextOffset();
                }
            }
            return out;
        }
    }
}
