package io.ternmq.spring.metrics;

import java.time.Duration;

/**
 * What the starter counts. The Micrometer implementation registers meters named {@code mq.*} when Micrometer is on
 * the classpath; {@link #NOOP} is used otherwise. Implementations are thread-safe.
 */
public interface MQMetrics {
    MQMetrics NOOP = new MQMetrics() {
    };

    /** A send finished ({@code success} false when it failed), taking {@code latency}. */
    default void sent(String topic, boolean success, Duration latency) {
    }

    /**
     * A send of {@code messages} messages (more than one for a batch) finished, taking {@code latency}. By default
     * the same as {@link #sent(String, boolean, Duration)}; implementations that count messages override it.
     */
    default void sent(String topic, int messages, boolean success, Duration latency) {
        sent(topic, success, latency);
    }

    /** A listener call finished for {@code messages} messages. */
    default void consumed(String group, String topic, int messages, boolean success, Duration latency) {
    }

    /** A message was handed back to the broker for redelivery. */
    default void retried(String group, String topic) {
    }

    /** A message went to the dead-letter queue (conversion failure or retries used up). */
    default void deadLettered(String group, String topic) {
    }

    /** A message was skipped because its business key was processed already. */
    default void duplicateSkipped(String group, String topic) {
    }
}
