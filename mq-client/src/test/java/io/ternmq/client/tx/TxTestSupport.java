package io.ternmq.client.tx;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Shared fixtures of the transaction tests: short client timings, reading a topic, waiting with a deadline. */
final class TxTestSupport {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TxTestSupport() {
    }

    static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + (System.nanoTime() % 100000);
    }

    static ClientConfig config(String address) {
        return ClientConfig.builder().brokerAddress(address).heartbeatInterval(Duration.ofMillis(300))
                .requestTimeout(Duration.ofSeconds(3)).build();
    }

    /** Every message of queue 0 of a topic (transaction tests send to one-queue topics). */
    static List<MessageExt> readAll(String address, String topic) {
        try (PullConsumer reader = PullConsumer.builder().clientConfig(config(address))
                .consumerGroup(unique("reader")).build()) {
            reader.start();
            List<MessageExt> out = new ArrayList<>();
            long offset = 0;
            while (true) {
                PullResult r = reader.pull(new MessageQueue(topic, 0), offset, 64, Duration.ZERO);
                if (r.status() != PullStatus.FOUND && r.status() != PullStatus.NO_MATCHED_MSG) {
                    return out;
                }
                out.addAll(r.messages());
                offset = r.nextOffset();
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
