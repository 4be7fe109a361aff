package io.ternmq.spring.idempotency.crash;

import io.ternmq.spring.metrics.MQMetrics;

import java.time.Duration;

/**
 * The consumer process's {@link MQMetrics}: an application bean, so the starter uses it instead of its own, and it
 * writes every count to the {@link ConsumerEventLog}, where it survives the process being killed.
 */
final class EventLogMetrics implements MQMetrics {
    private final ConsumerEventLog events;

    EventLogMetrics(ConsumerEventLog events) {
        this.events = events;
    }

    @Override
    public void consumed(String group, String topic, int messages, boolean success, Duration latency) {
        for (int i = 0; i < messages; i++) {
            events.append(success ? ConsumerEventLog.DELIVERED_OK : ConsumerEventLog.DELIVERED_FAILED);
        }
    }

    @Override
    public void duplicateSkipped(String group, String topic) {
        events.append(ConsumerEventLog.DUPLICATE);
    }

    @Override
    public void retried(String group, String topic) {
        events.append(ConsumerEventLog.RETRIED);
    }

    @Override
    public void deadLettered(String group, String topic) {
        events.append(ConsumerEventLog.DEAD_LETTERED);
    }
}
