package io.ternmq.kafka.compat;

import io.ternmq.test.EmbeddedBroker;

/**
 * The broker every compatibility scenario talks to: a real in-JVM broker with the Kafka adapter on an ephemeral
 * port. New groups rebalance at once (no initial delay), so the scenarios do not wait three seconds per group.
 */
final class CompatBroker {
    private CompatBroker() {
    }

    static EmbeddedBroker.Builder builder() {
        return EmbeddedBroker.builder()
                .config("kafkaEnable", "true")
                .config("kafkaListenPort", "0")
                .config("kafkaGroupInitialRebalanceDelayMs", "0")
                .config("defaultTopicQueueNums", "3");
    }

    static EmbeddedBroker start() {
        return builder().start();
    }

    /** Closes what a test class opened, in order, without letting one failure hide the others. */
    static void closeAll(AutoCloseable... closeables) {
        RuntimeException failure = null;
        for (AutoCloseable c : closeables) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing test resources failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
