package io.ternmq.kafka.compat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each compression codec the Java producer offers: batches of compressible records are produced (the producer's
 * own compression-rate metric proves they went out compressed) and consumed back intact.
 */
class CompressionTest extends BrokerScenario {
    private static final int RECORDS = 200;



    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void producedCompressedAndConsumedIntact(String codec) throws Exception {
        String topic = "compressed-" + codec;
        KafkaClients.createTopic(admin, topic, 3);
        List<String> values = IntStream.range(0, RECORDS)
                .mapToObj(i -> i + ":" + "the same words compress well, ".repeat(8)).toList();

        Map<String, Object> config = KafkaClients.producerConfig(broker);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
        // batches of many records, so that there is something to compress
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        double compressionRate;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, "key-" + i, values.get(i)));
            }
            producer.flush();
            compressionRate = metric(producer.metrics(), "compression-rate-avg");
        }
        if (codec.equals("none")) {
            assertTrue(compressionRate > 0.95, "uncompressed batches, rate " + compressionRate);
        } else {
            assertTrue(compressionRate < 0.5, codec + " batches went out compressed, rate " + compressionRate);
        }

        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, "readers-" + codec)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = KafkaClients.pollUntil(consumer, RECORDS,
                    KafkaClients.TIMEOUT);
            assertEquals(RECORDS, records.size());
            for (ConsumerRecord<String, String> r : records) {
                int i = Integer.parseInt(r.key().substring("key-".length()));
                assertEquals(values.get(i), r.value(), "value of " + r.key());
                assertEquals(i % 3, r.partition(), "partition of " + r.key());
                assertEquals(i / 3, r.offset(), "offset of " + r.key());
            }
        }
    }

    private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics"))
                .map(e -> ((Number) e.getValue().metricValue()).doubleValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no producer metric " + name));
    }
}
