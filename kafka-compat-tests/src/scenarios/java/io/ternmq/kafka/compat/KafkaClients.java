package io.ternmq.kafka.compat;

import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kafka clients as an application would configure them: bootstrap address and serializers, everything else at the
 * client's defaults (idempotent producer with acks=all, classic group protocol, ...) unless a scenario overrides it.
 * The only other change: consumers start from the earliest offset, as the scenarios read what they wrote just before.
 */
final class KafkaClients {
    /** Long enough for a loaded CI machine, short enough that a hang fails the test rather than the build. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaClients() {
    }

    static Map<String, Object> producerConfig(EmbeddedBroker broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    static KafkaProducer<String, String> producer(EmbeddedBroker broker) {
        return new KafkaProducer<>(producerConfig(broker));
    }

    static Map<String, Object> consumerConfig(EmbeddedBroker broker, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return config;
    }

    static KafkaConsumer<String, String> consumer(EmbeddedBroker broker, String group) {
        return new KafkaConsumer<>(consumerConfig(broker, group));
    }

    static Admin admin(EmbeddedBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress()));
    }

    static void createTopic(Admin admin, String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls until exactly {@code count} records arrived (fails on fewer by the deadline; more shows in asserts). */
    static <K, V> List<ConsumerRecord<K, V>> pollUntil(KafkaConsumer<K, V> consumer, int count, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout.toMillis() + " ms: consumed " + records.size() + " of " + count
                        + " records; assignment " + consumer.assignment());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
