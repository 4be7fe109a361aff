package io.ternmq.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Objects;

/**
 * {@link MQMetrics} as Micrometer meters:
 * <table>
 *   <caption>meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>mq.messages.sent</td><td>counter</td><td>topic, result</td><td>messages sent (result success or failure)</td></tr>
 *   <tr><td>mq.send</td><td>timer</td><td>topic, result</td><td>send calls (a batch is one)</td></tr>
 *   <tr><td>mq.messages.consumed</td><td>counter</td><td>group, topic</td><td>messages a listener processed</td></tr>
 *   <tr><td>mq.messages.failed</td><td>counter</td><td>group, topic</td><td>messages whose listener call failed</td></tr>
 *   <tr><td>mq.consume</td><td>timer</td><td>group, topic, result</td><td>listener calls</td></tr>
 *   <tr><td>mq.messages.retried</td><td>counter</td><td>group, topic</td><td>messages handed back for redelivery</td></tr>
 *   <tr><td>mq.messages.dlq</td><td>counter</td><td>group, topic</td><td>messages sent to the dead-letter queue</td></tr>
 *   <tr><td>mq.messages.duplicates</td><td>counter</td><td>group, topic</td><td>messages skipped as already processed</td></tr>
 * </table>
 * The lag gauge {@code mq.consumer.lag} is {@link ConsumerLagMeters}'. Thread-safe.
 */
public final class MicrometerMQMetrics implements MQMetrics {
    private static final String SUCCESS = "success";
    private static final String FAILURE = "failure";

    private final MeterRegistry registry;

    public MicrometerMQMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void sent(String topic, boolean success, Duration latency) {
        sent(topic, 1, success, latency);
    }

    @Override
    public void sent(String topic, int messages, boolean success, Duration latency) {
        String result = success ? SUCCESS : FAILURE;
        Counter.builder("mq.messages.sent").description("Messages sent, by outcome").baseUnit("messages")
                .tags("topic", topic, "result", result).register(registry).increment(messages);
        Timer.builder("mq.send").description("Time from a send call to the broker's answer")
                .tags("topic", topic, "result", result).register(registry).record(latency);
    }

    @Override
    public void consumed(String group, String topic, int messages, boolean success, Duration latency) {
        counter(success ? "mq.messages.consumed" : "mq.messages.failed",
                success ? "Messages a listener processed" : "Messages whose listener call failed", group, topic)
                .increment(messages);
        Timer.builder("mq.consume").description("Duration of listener calls")
                .tags("group", group, "topic", topic, "result", success ? SUCCESS : FAILURE).register(registry)
                .record(latency);
    }

    @Override
    public void retried(String group, String topic) {
        counter("mq.messages.retried", "Messages handed back to the broker for redelivery", group, topic).increment();
    }

    @Override
    public void deadLettered(String group, String topic) {
        counter("mq.messages.dlq", "Messages sent to the dead-letter queue", group, topic).increment();
    }

    @Override
    public void duplicateSkipped(String group, String topic) {
        counter("mq.messages.duplicates", "Messages skipped because their business key was processed already",
                group, topic).increment();
    }

    private Counter counter(String name, String description, String group, String topic) {
        return Counter.builder(name).description(description).baseUnit("messages").tags("group", group, "topic", topic)
                .register(registry);
    }
}
