package io.ternmq.kafka.compat;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.consumer.PullResult;
import io.ternmq.client.consumer.PullStatus;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.client.producer.SendStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One topic, two protocols: what the native Java client (mq-client) sends a Kafka consumer reads, at the same
 * partition (queue) and offset, with its key, tag and properties as key and headers; and what a Kafka producer
 * sends a native PullConsumer reads, with key, headers and timestamp as keys, properties and born timestamp.
 */
class CrossProtocolTest extends BrokerScenario {
    private static final String TOPIC = "both-ways";

    @BeforeAll
    static void start() throws Exception {
        KafkaClients.createTopic(admin, TOPIC, 3);
    }


    private static ClientConfig nativeConfig() {
        return ClientConfig.of(broker.address());
    }

    @Test
    void aNativeMessageIsReadByAKafkaConsumer() throws Exception {
        long before = System.currentTimeMillis();
        SendResult sent;
        try (Producer producer = Producer.builder().clientConfig(nativeConfig()).producerGroup("native-senders")
                .build()) {
            producer.start();
            sent = producer.send(Message.builder().topic(TOPIC).body("from the native client").keys("order-17")
                    .tags("TagA").property("color", "red").property("size", "XL").build());
        }
        long after = System.currentTimeMillis();
        assertEquals(SendStatus.SEND_OK, sent.status());

        TopicPartition partition = new TopicPartition(TOPIC, sent.messageQueue().queueId());
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, null)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.queueOffset());
            ConsumerRecord<String, String> r = KafkaClients.pollUntil(consumer, 1, KafkaClients.TIMEOUT).get(0);
            assertEquals(sent.queueOffset(), r.offset(), "Kafka offset = queue offset");
            assertEquals("order-17", r.key());
            assertEquals("from the native client", r.value());
            assertTrue(r.timestamp() >= before && r.timestamp() <= after, "born timestamp " + r.timestamp()
                    + " within the send, [" + before + ", " + after + "]");
            Map<String, String> headers = new TreeMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            assertEquals(Map.of("color", "red", "size", "XL", "ternmq-tags", "TagA"), headers,
                    "user properties and the tag as headers, nothing else");
        }
    }

    @Test
    void aKafkaRecordIsReadByANativePullConsumer() throws Exception {
        long timestamp = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker)) {
            sent = producer.send(new ProducerRecord<>(TOPIC, 1, timestamp, "invoice-9", "from a Kafka producer",
                    List.of(new RecordHeader("currency", "EUR".getBytes(StandardCharsets.UTF_8)),
                            new RecordHeader("ternmq-tags", "TagB".getBytes(StandardCharsets.UTF_8)))))
                    .get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        try (PullConsumer consumer = PullConsumer.builder().clientConfig(nativeConfig())
                .consumerGroup("native-readers").build()) {
            consumer.start();
            PullResult pulled = consumer.pull(new MessageQueue(TOPIC, 1), sent.offset(), 10, Duration.ofSeconds(5));
            assertEquals(PullStatus.FOUND, pulled.status());
            MessageExt m = pulled.messages().get(0);
            assertEquals(sent.offset(), m.queueOffset(), "queue offset = Kafka offset");
            assertEquals(1, m.queueId());
            assertEquals("from a Kafka producer", m.bodyAsString());
            assertEquals(List.of("invoice-9"), m.keys());
            assertEquals("TagB", m.tags(), "the ternmq-tags header is the native tag");
            assertEquals("EUR", m.property("currency"));
            assertEquals(timestamp, m.bornTimestamp(), "record timestamp = born timestamp");
        }
    }

    @Test
    void aDelayedKafkaRecordIsAcknowledgedWhenScheduledAndAppearsInItsPartitionWhenDue() throws Exception {
        String topic = "delayed-from-kafka";
        KafkaClients.createTopic(admin, topic, 1);
        long due = System.currentTimeMillis() + 3_000;
        RecordMetadata sent;
        long endWhenAcknowledged;
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker);
             KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker, null)) {
            sent = producer.send(new ProducerRecord<>(topic, 0, null, "reminder-1", "pay your order",
                    List.of(new RecordHeader("ternmq-deliver-at-ms", Long.toString(due)
                            .getBytes(StandardCharsets.UTF_8))))).get(KafkaClients.TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            TopicPartition partition = new TopicPartition(topic, 0);
            endWhenAcknowledged = consumer.endOffsets(List.of(partition)).get(partition);
            assertFalse(sent.hasOffset(), "no partition offset before it is due, got " + sent.offset());
            assertEquals(0, endWhenAcknowledged, "acknowledged while still in the schedule, not after delivery");

            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            assertEquals(List.of("pay your order"), values);
            assertTrue(System.currentTimeMillis() >= due - 1_000, "delivered before it was due");
        }
    }

    @Test
    void aNativeConsumersTagFilterSelectsKafkaRecordsByTheirTagHeader() throws Exception {
        // tags set through the ternmq-tags header reach the broker's tag filter for native consumers
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker)) {
            for (String tag : List.of("keep", "drop", "keep")) {
                producer.send(new ProducerRecord<>(TOPIC, 2, null, tag, "tagged " + tag,
                        List.of(new RecordHeader("ternmq-tags", tag.getBytes(StandardCharsets.UTF_8))))).get(
                        KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        try (PullConsumer consumer = PullConsumer.builder().clientConfig(nativeConfig())
                .consumerGroup("tag-filtered").tagExpression("keep").build()) {
            consumer.start();
            PullResult pulled = consumer.pull(new MessageQueue(TOPIC, 2), 0, 10, Duration.ofSeconds(5));
            assertEquals(List.of("tagged keep", "tagged keep"),
                    pulled.messages().stream().map(MessageExt::bodyAsString).toList());
        }
    }
}
