package io.ternmq.spring.listener;

import io.ternmq.spring.metrics.MQMetrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An MQMetrics that counts calls per kind and group, e.g. {@code count("deadLettered", group)}; thread-safe. */
final class RecordingMetrics implements MQMetrics {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    int count(String kind, String group) {
        AtomicInteger n = counts.get(kind + ":" + group);
        return n == null ? 0 : n.get();
    }

    private void add(String kind, String group) {
        counts.computeIfAbsent(kind + ":" + group, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void consumed(String group, String topic, int messages, boolean success, Duration latency) {
        add(success ? "consumed" : "failed", group);
    }

    @Override
    public void retried(String group, String topic) {
        add("retried", group);
    }

    @Override
    public void deadLettered(String group, String topic) {
        add("deadLettered", group);
    }

    @Override
    public void duplicateSkipped(String group, String topic) {
        add("duplicateSkipped", group);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
