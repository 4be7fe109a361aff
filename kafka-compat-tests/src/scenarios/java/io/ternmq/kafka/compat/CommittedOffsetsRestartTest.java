package io.ternmq.kafka.compat;

import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A group commits offsets with metadata strings in the middle of each partition, the broker restarts (same store, same
 * ports), the offsets and their metadata read back unchanged, and a new consumer of the group resumes exactly at the
 * committed offsets: not at the start (auto.offset.reset=earliest would show lost offsets) and not at the end.
 */
class CommittedOffsetsRestartTest {
    private static final String TOPIC = "resumable";
    private static final String GROUP = "resumers";
    private static final int PER_PARTITION = 10;
    private EmbeddedBroker broker;
    private Admin admin;

    @BeforeEach
    void start() throws Exception {
        broker = CompatBroker.start();
        admin = KafkaClients.admin(broker);
        KafkaClients.createTopic(admin, TOPIC, 3);
    }

    @AfterEach
    void stop() {
        CompatBroker.closeAll(admin, broker);
    }

    @Test
    void aNewConsumerResumesAtTheOffsetsCommittedBeforeTheRestart() throws Exception {
        produce(0);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            commit.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(3 + p, "before-restart-" + p));
        }
        Map<String, Object> manualCommits = KafkaClients.consumerConfig(broker, GROUP);
        // else close() would commit the positions reached (the end) over the offsets committed here
        manualCommits.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(manualCommits)) {
            consumer.subscribe(List.of(TOPIC));
            KafkaClients.pollUntil(consumer, 3 * PER_PARTITION, KafkaClients.TIMEOUT);
            consumer.commitSync(commit, KafkaClients.TIMEOUT);
        }

        assertEquals(commit, committed(), "committed offsets and metadata before the restart");

        admin.close();
        broker.restart();
        admin = KafkaClients.admin(broker);

        assertEquals(commit, committed(), "committed offsets and metadata after the restart");

        produce(PER_PARTITION);
        int expected = 0;
        for (int p = 0; p < 3; p++) {
            expected += 2 * PER_PARTITION - (3 + p);
        }
        Map<Integer, List<Long>> offsets = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, GROUP)) {
            consumer.subscribe(List.of(TOPIC));
            for (ConsumerRecord<String, String> r : KafkaClients.pollUntil(consumer, expected, KafkaClients.TIMEOUT)) {
                offsets.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.offset());
                assertEquals(r.partition() + "-" + r.offset(), r.value(), "value at its offset");
            }
        }
        for (int p = 0; p < 3; p++) {
            List<Long> expectedOffsets = new ArrayList<>();
            for (long o = 3 + p; o < 2 * PER_PARTITION; o++) {
                expectedOffsets.add(o);
            }
            assertEquals(expectedOffsets, offsets.get(p), "partition " + p + " resumes at its committed offset");
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** PER_PARTITION records per partition whose values name their partition and offset. */
    private void produce(int firstOffset) throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker)) {
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, null, (p + "-" + (firstOffset + i))));
                }
            }
            producer.flush();
        }
    }
}
