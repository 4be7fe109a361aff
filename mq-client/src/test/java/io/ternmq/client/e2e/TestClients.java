package io.ternmq.client.e2e;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Clients with timings short enough for tests; shared so that every test uses the same settings. */
final class TestClients {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestClients() {
    }

    /** A topic or group name no other test uses. */
    static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + (System.nanoTime() % 100000);
    }

    static ClientConfig config(String address) {
        return ClientConfig.builder().brokerAddress(address).heartbeatInterval(Duration.ofMillis(500))
                .requestTimeout(Duration.ofSeconds(3)).build();
    }

    static Producer producer(String address) {
        Producer p = Producer.builder().clientConfig(config(address)).producerGroup(unique("pg")).build();
        p.start();
        return p;
    }

    /** A push consumer builder with short long-poll, rebalance and commit periods. */
    static PushConsumer.Builder consumer(String address, String group, String topic) {
        return PushConsumer.builder().clientConfig(config(address)).consumerGroup(group).subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET).pullMaxWait(Duration.ofMillis(500))
                .rebalanceInterval(Duration.ofSeconds(1)).persistInterval(Duration.ofMillis(200))
                .reconsumeDelay(Duration.ofMillis(100)).handoverDelay(Duration.ofMillis(300)).consumeThreads(4);
    }
}
