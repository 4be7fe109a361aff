package io.ternmq.kafka.server.data;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.client.producer.Producer;
import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unmodified kafka-clients producers and consumers against an in-JVM broker, over real sockets. */
class KafkaDataEndToEndTest {
    private static final Duration POLL_DEADLINE = Duration.ofSeconds(20);
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().config("defaultTopicQueueNums", "2").start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** A record as a test compares it. */
    record Sent(byte[] key, byte[] value, long timestamp, List<Header> headers) {
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putAll(overrides);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<ConsumerRecord<byte[], byte[]>> readFrom(TopicPartition tp, long offset, int count,
                                                                 Map<String, Object> overrides) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(overrides)) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            return poll(consumer, count);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> poll(KafkaConsumer<byte[], byte[]> consumer, int count) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + POLL_DEADLINE.toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }

    private static List<Sent> sample(String tag, int count, long baseTimestamp) {
        List<Sent> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] key = i % 5 == 0 ? null : (tag + "-key-" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value = i % 7 == 3 ? null : (tag + "-value-" + i + "-" + "x".repeat(i % 50))
                    .getBytes(StandardCharsets.UTF_8);
            List<Header> headers = i % 3 == 0 ? List.of()
                    : List.of(new RecordHeader("h" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("binary", new byte[]{0, (byte) 0xff, (byte) i}));
            records.add(new Sent(key, value, baseTimestamp + i, headers));
        }
        return records;
    }

    private static long produceAll(KafkaProducer<byte[], byte[]> producer, TopicPartition tp, List<Sent> records)
            throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Sent s : records) {
            acks.add(producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), s.timestamp(), s.key(), s.value(),
                    s.headers())));
        }
        producer.flush();
        long first = -1;
        for (int i = 0; i < acks.size(); i++) {
            RecordMetadata metadata = acks.get(i).get();
            if (!metadata.hasOffset()) {
                continue; // acks=0: the broker does not answer, so the client knows no offsets
            }
            if (i == 0) {
                first = metadata.offset();
            } else {
                assertEquals(first + i, metadata.offset(), "offsets are consecutive in send order");
            }
        }
        return first;
    }

    private static void assertSame(List<Sent> sent, List<ConsumerRecord<byte[], byte[]>> read, long firstOffset) {
        assertEquals(sent.size(), read.size(), "record count");
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            ConsumerRecord<byte[], byte[]> r = read.get(i);
            assertEquals(firstOffset + i, r.offset());
            assertArrayEquals(s.key(), r.key(), "key of record " + i);
            assertArrayEquals(s.value(), r.value(), "value of record " + i);
            assertEquals(s.timestamp(), r.timestamp(), "timestamp of record " + i);
            Header[] headers = r.headers().toArray();
            assertEquals(s.headers().size(), headers.length, "headers of record " + i);
            for (int h = 0; h < headers.length; h++) {
                assertEquals(s.headers().get(h).key(), headers[h].key());
                assertArrayEquals(s.headers().get(h).value(), headers[h].value());
            }
        }
    }

    @Test
    void defaultIdempotentProducerRecordsReadBackExactly() throws Exception {
        TopicPartition tp = new TopicPartition("data-default", 1);
        List<Sent> sent = sample("default", 200, 1_700_000_000_000L);
        long first;
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
            first = produceAll(producer, tp, sent);
        }
        assertEquals(0, first, "first record of a new partition");
        assertSame(sent, readFrom(tp, first, sent.size(), Map.of()), first);
        assertEquals(sent.size(), broker.broker().core().messages().store().maxOffset(tp.topic(), 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void everyCompressionCodecIsProducedAndFetched(String codec) throws Exception {
        TopicPartition tp = new TopicPartition("data-codec-" + codec, 0);
        List<Sent> sent = sample(codec, 300, 1_600_000_000_000L);
        long first;
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec,
                ProducerConfig.LINGER_MS_CONFIG, 20))) {
            first = produceAll(producer, tp, sent);
        }
        assertSame(sent, readFrom(tp, first, sent.size(), Map.of()), first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1"})
    void acksZeroAndOneStoreTheRecords(String acks) throws Exception {
        TopicPartition tp = new TopicPartition("data-acks-" + acks, 0);
        List<Sent> sent = sample("acks" + acks, 50, 1_650_000_000_000L);
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of(ProducerConfig.ACKS_CONFIG, acks,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false))) {
            long first = produceAll(producer, tp, sent);
            assertEquals(acks.equals("0") ? -1 : 0, first);
        }
        assertSame(sent, readFrom(tp, 0, sent.size(), Map.of()), 0);
    }

    @Test
    void listOffsetsEarliestLatestAndByTimestamp() throws Exception {
        TopicPartition tp = new TopicPartition("data-times", 0);
        List<Sent> sent = sample("times", 20, 1_000_000L); // timestamps 1000000 .. 1000019, far in the past
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
            produceAll(producer, tp, sent);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(Map.of())) {
            assertEquals(Map.of(tp, 0L), consumer.beginningOffsets(List.of(tp)));
            assertEquals(Map.of(tp, 20L), consumer.endOffsets(List.of(tp)));
            Map<TopicPartition, OffsetAndTimestamp> exact = consumer.offsetsForTimes(Map.of(tp, 1_000_007L));
            assertEquals(new OffsetAndTimestamp(7, 1_000_007L), exact.get(tp));
            Map<TopicPartition, OffsetAndTimestamp> before = consumer.offsetsForTimes(Map.of(tp, 5L));
            assertEquals(new OffsetAndTimestamp(0, 1_000_000L), before.get(tp));
            Map<TopicPartition, OffsetAndTimestamp> after = consumer.offsetsForTimes(Map.of(tp, 2_000_000L));
            assertNull(after.get(tp), "no record at or after the timestamp");
        }
    }

    @Test
    void offsetOutOfRangeResetsToEarliest() throws Exception {
        TopicPartition tp = new TopicPartition("data-reset", 0);
        List<Sent> sent = sample("reset", 10, 1_700_000_000_000L);
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
            produceAll(producer, tp, sent);
        }
        List<ConsumerRecord<byte[], byte[]>> read = readFrom(tp, 1_000, sent.size(),
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        assertSame(sent, read, 0);
    }

    @Test
    void nativeProducerMessageIsReadByKafkaConsumer() throws Exception {
        String topic = "data-native-to-kafka";
        long before = System.currentTimeMillis();
        try (Producer producer = Producer.builder().clientConfig(ClientConfig.of(broker.address()))
                .producerGroup("native-producers").build()) {
            producer.start();
            producer.sendOrderly(Message.builder().topic(topic).body("from native").keys("order-1")
                    .property("color", "blue").build(), 0, (queues, msg, arg) -> queues.get((Integer) arg));
        }
        List<ConsumerRecord<byte[], byte[]>> read = readFrom(new TopicPartition(topic, 0), 0, 1, Map.of());
        assertEquals(1, read.size());
        ConsumerRecord<byte[], byte[]> r = read.get(0);
        assertEquals("from native", new String(r.value(), StandardCharsets.UTF_8));
        assertEquals("order-1", new String(r.key(), StandardCharsets.UTF_8));
        assertEquals("blue", new String(r.headers().lastHeader("color").value(), StandardCharsets.UTF_8));
        assertTrue(r.timestamp() >= before && r.timestamp() <= System.currentTimeMillis(), "born timestamp");
    }

    @Test
    void kafkaProducerRecordIsReadByNativePullConsumer() throws Exception {
        TopicPartition tp = new TopicPartition("data-kafka-to-native", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), 1_234_567L,
                    "k-1".getBytes(StandardCharsets.UTF_8), "from kafka".getBytes(StandardCharsets.UTF_8),
                    List.of(new RecordHeader("color", "red".getBytes(StandardCharsets.UTF_8))))).get();
        }
        try (PullConsumer reader = PullConsumer.builder().clientConfig(ClientConfig.of(broker.address()))
                .consumerGroup("native-readers").build()) {
            reader.start();
            PullResult r = reader.pull(new MessageQueue(tp.topic(), tp.partition()), 0, 16, Duration.ZERO);
            assertEquals(PullStatus.FOUND, r.status());
            MessageExt m = r.messages().get(0);
            assertEquals("from kafka", m.bodyAsString());
            assertEquals(List.of("k-1"), m.keys());
            assertEquals("red", m.property("color"));
            assertEquals(1_234_567L, m.bornTimestamp());
        }
    }

    @SuppressWarnings("unused")
    private static String text(byte[] bytes) {
        return bytes == null ? null : Arrays.toString(bytes);
    }
}
