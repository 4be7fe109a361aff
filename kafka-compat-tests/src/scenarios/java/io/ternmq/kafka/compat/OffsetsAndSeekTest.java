package io.ternmq.kafka.compat;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Offsets by position and by time: endOffsets/beginningOffsets, offsetsForTimes (first record at or after the
 * time, with that record's own timestamp), Admin listOffsets by earliest/latest/timestamp, seek and seekToBeginning.
 * Ten records on partition 1 carry timestamps one second apart; partitions 0 and 2 stay empty.
 */
class OffsetsAndSeekTest extends BrokerScenario {
    private static final String TOPIC = "timeline";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final int RECORDS = 10;
    private static final long T0 = System.currentTimeMillis() - Duration.ofDays(1).toMillis();

    @BeforeAll
    static void start() throws Exception {
        KafkaClients.createTopic(admin, TOPIC, 3);
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker)) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 1, T0 + i * 1000L, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }


    @Test
    void beginningAndEndOffsets() {
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, null)) {
            assertEquals(Map.of(P0, 0L, P1, (long) RECORDS),
                    consumer.endOffsets(List.of(P0, P1), KafkaClients.TIMEOUT));
            assertEquals(Map.of(P0, 0L, P1, 0L), consumer.beginningOffsets(List.of(P0, P1), KafkaClients.TIMEOUT));
        }
    }

    @Test
    void offsetsForTimesFindsTheFirstRecordAtOrAfterTheTime() {
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, null)) {
            assertEquals(new OffsetAndTimestamp(3, T0 + 3000), lookup(consumer, T0 + 2500));
            assertEquals(new OffsetAndTimestamp(4, T0 + 4000), lookup(consumer, T0 + 4000), "exact hit");
            assertEquals(new OffsetAndTimestamp(0, T0), lookup(consumer, 0), "before everything: the first");
            assertNull(lookup(consumer, T0 + RECORDS * 1000L), "after the last record: none");

            Map<TopicPartition, Long> empty = new HashMap<>();
            empty.put(P0, T0);
            Map<TopicPartition, OffsetAndTimestamp> none = consumer.offsetsForTimes(empty, KafkaClients.TIMEOUT);
            assertNull(none.get(P0), "an empty partition has no record at or after any time");
        }
    }

    private static OffsetAndTimestamp lookup(KafkaConsumer<String, String> consumer, long timestamp) {
        return consumer.offsetsForTimes(Map.of(P1, timestamp), KafkaClients.TIMEOUT).get(P1);
    }

    @Test
    void adminListOffsetsByEarliestLatestAndTimestamp() throws Exception {
        assertEquals(0, listOffset(OffsetSpec.earliest()).offset());
        assertEquals(RECORDS, listOffset(OffsetSpec.latest()).offset());
        ListOffsetsResult.ListOffsetsResultInfo byTime = listOffset(OffsetSpec.forTimestamp(T0 + 6001));
        assertEquals(7, byTime.offset());
        assertEquals(T0 + 7000, byTime.timestamp());
    }

    private static ListOffsetsResult.ListOffsetsResultInfo listOffset(OffsetSpec spec) throws Exception {
        return admin.listOffsets(Map.of(P1, spec)).partitionResult(P1)
                .get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void seekAndSeekToBeginningRereadFromThere() {
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, null)) {
            consumer.assign(List.of(P1));
            consumer.seekToEnd(List.of(P1));
            assertEquals(RECORDS, consumer.position(P1, KafkaClients.TIMEOUT));

            consumer.seek(P1, 6);
            List<ConsumerRecord<String, String>> tail = KafkaClients.pollUntil(consumer, RECORDS - 6,
                    KafkaClients.TIMEOUT);
            assertEquals(List.of("v6", "v7", "v8", "v9"), tail.stream().map(ConsumerRecord::value).toList());

            consumer.seekToBeginning(List.of(P1));
            List<ConsumerRecord<String, String>> all = KafkaClients.pollUntil(consumer, RECORDS, KafkaClients.TIMEOUT);
            assertEquals(0, all.get(0).offset());
            assertEquals("v0", all.get(0).value());
            assertEquals(T0, all.get(0).timestamp());
            assertEquals(RECORDS, all.size());
            assertEquals(RECORDS, consumer.position(P1, KafkaClients.TIMEOUT));
        }
    }
}
