package io.ternmq.kafka.compat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * An idempotent producer with acks=all (the client defaults, set explicitly here) writes N records with keys, null
 * keys, a tombstone, headers (unordered, repeated, null-valued) and explicit timestamps to a 3-partition topic; a
 * group consumer reads back exactly those records, at the offsets the producer was told, in per-partition order.
 */
class IdempotentProduceConsumeTest extends BrokerScenario {
    private static final String TOPIC = "idempotent-orders";
    private static final int RECORDS = 300;

    @BeforeAll
    static void start() throws Exception {
        KafkaClients.createTopic(admin, TOPIC, 3);
    }


    private record Sent(ProducerRecord<String, String> record, RecordMetadata metadata) {
    }

    @Test
    void everyRecordReadsBackExactlyOnceWithItsKeyValueHeadersAndTimestamp() throws Exception {
        long baseTimestamp = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        Map<String, Object> config = KafkaClients.producerConfig(broker);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");

        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String key = i % 10 == 0 ? null : "key-" + (i % 17);
            String value = i % 100 == 99 ? null : "value-" + i;
            List<Header> headers = List.of(
                    new RecordHeader("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("b-second", "x".getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("a-third", i % 3 == 0 ? null : new byte[] {(byte) i, 0, (byte) 0xff}),
                    new RecordHeader("b-second", "repeated".getBytes(StandardCharsets.UTF_8)));
            records.add(new ProducerRecord<>(TOPIC, null, baseTimestamp + i, key, value, headers));
        }

        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> r : records) {
                acks.add(producer.send(r));
            }
            producer.flush();
            for (int i = 0; i < records.size(); i++) {
                sent.add(new Sent(records.get(i), acks.get(i).get(KafkaClients.TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS)));
            }
        }

        Map<TopicPartition, Long> ends = new HashMap<>();
        List<ConsumerRecord<String, String>> consumed;
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, "idempotent-readers")) {
            consumer.subscribe(List.of(TOPIC));
            consumed = KafkaClients.pollUntil(consumer, RECORDS, KafkaClients.TIMEOUT);
            ends.putAll(consumer.endOffsets(List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1),
                    new TopicPartition(TOPIC, 2))));
        }

        assertEquals(RECORDS, consumed.size(), "records consumed");
        assertEquals(RECORDS, ends.values().stream().mapToLong(Long::longValue).sum(),
                "end offsets add up to the records sent (no duplicates stored): " + ends);

        Map<Position, Sent> byPosition = new HashMap<>();
        for (Sent s : sent) {
            Sent previous = byPosition.put(position(s.metadata.partition(), s.metadata.offset()), s);
            assertEquals(null, previous, "two acknowledgements for one offset: " + s.metadata);
        }
        for (ConsumerRecord<String, String> c : consumed) {
            Sent s = byPosition.get(position(c.partition(), c.offset()));
            assertNotNull(s, "consumed a record nobody acknowledged at " + c.partition() + "@" + c.offset());
            assertEquals(s.record.key(), c.key(), "key at " + c.partition() + "@" + c.offset());
            assertEquals(s.record.value(), c.value(), "value at " + c.partition() + "@" + c.offset());
            assertEquals(s.record.timestamp(), c.timestamp(), "timestamp at " + c.partition() + "@" + c.offset());
            assertEquals(TimestampType.CREATE_TIME, c.timestampType());
            assertHeaders(s.record.headers().toArray(), c.headers().toArray());
        }

        Map<Integer, List<String>> sentOrder = sent.stream().collect(Collectors.groupingBy(s -> s.metadata.partition(),
                Collectors.mapping(s -> seq(s.record.headers().toArray()), Collectors.toList())));
        Map<Integer, List<String>> consumedOrder = consumed.stream().collect(Collectors.groupingBy(
                ConsumerRecord::partition, Collectors.mapping(c -> seq(c.headers().toArray()), Collectors.toList())));
        assertEquals(sentOrder, consumedOrder, "per-partition order");
        for (int p = 0; p < 3; p++) {
            int partition = p;
            List<Long> offsets = consumed.stream().filter(c -> c.partition() == partition)
                    .map(ConsumerRecord::offset).toList();
            for (int i = 0; i < offsets.size(); i++) {
                assertEquals(i, offsets.get(i), "offsets of partition " + p + " are dense from 0: " + offsets);
            }
        }
    }

    private record Position(int partition, long offset) {
    }

    private static Position position(int partition, long offset) {
        return new Position(partition, offset);
    }

    private static String seq(Header[] headers) {
        return new String(headers[0].value(), StandardCharsets.UTF_8);
    }

    private static void assertHeaders(Header[] expected, Header[] actual) {
        assertEquals(Arrays.stream(expected).map(Header::key).toList(), Arrays.stream(actual).map(Header::key).toList(),
                "header keys in record order");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i].value(), actual[i].value(), "value of header " + i + " " + expected[i].key());
        }
    }
}
