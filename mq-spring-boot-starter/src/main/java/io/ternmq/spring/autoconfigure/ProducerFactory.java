package io.ternmq.spring.autoconfigure;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.producer.Producer;
import io.ternmq.spring.core.ClientConfigs;

import java.time.Duration;
import java.util.List;

/** Builds the {@code mqProducer} from {@code mq.producer.*}, with errors that name the offending property. */
final class ProducerFactory {
    private ProducerFactory() {
    }

    static Producer build(ClientConfig shared, ProducerProperties p, List<MQProducerCustomizer> customizers) {
        ProducerProperties.Batching batching = p.getBatching();
        Producer.Builder b = Producer.builder()
                .clientConfig(ClientConfigs.forRole(shared, "producer"))
                .producerGroup(notBlank(p.getGroup(), "mq.producer.group"))
                .sendTimeout(positive(p.getSendTimeout(), "mq.producer.send-timeout"))
                .retryTimesWhenSendFailed(atLeast(p.getRetryTimesWhenSendFailed(), 0,
                        "mq.producer.retry-times-when-send-failed"))
                .maxMessageSize(bytes(p.getMaxMessageSize().toBytes(), "mq.producer.max-message-size"))
                .routeRefreshInterval(positive(p.getRouteRefreshInterval(), "mq.producer.route-refresh-interval"))
                .batching(batching.isEnabled())
                .batchMaxMessages(atLeast(batching.getMaxMessages(), 1, "mq.producer.batching.max-messages"))
                .batchMaxBytes(bytes(batching.getMaxSize().toBytes(), "mq.producer.batching.max-size"))
                .linger(notNegative(batching.getLinger(), "mq.producer.batching.linger"))
                .maxInFlightPerQueue(atLeast(batching.getMaxInFlightPerQueue(), 1,
                        "mq.producer.batching.max-in-flight-per-queue"));
        customizers.forEach(c -> c.customize(b));
        return b.build();
    }

    private static String notBlank(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must not be blank");
        }
        return value;
    }

    private static Duration positive(Duration d, String property) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, got " + d);
        }
        return d;
    }

    private static Duration notNegative(Duration d, String property) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(property + " must be 0 or more, got " + d);
        }
        return d;
    }

    private static int atLeast(int value, int min, String property) {
        if (value < min) {
            throw new IllegalArgumentException(property + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    private static int bytes(long value, String property) {
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(property + " must be between 1B and 2GB, got " + value + "B");
        }
        return (int) value;
    }
}
