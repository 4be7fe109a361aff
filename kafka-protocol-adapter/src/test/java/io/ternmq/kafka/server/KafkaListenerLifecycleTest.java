package io.ternmq.kafka.server;

import io.ternmq.broker.spi.ProtocolHandler;
import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plug-in's lifecycle inside a broker, and Metadata's auto-creation as a consumer sees it. */
class KafkaListenerLifecycleTest {

    @Test
    void disabledItOpensNoListener() {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().config("kafkaEnable", "false").start()) {
            ProtocolHandler kafka = broker.broker().plugins().stream().filter(p -> p.name().equals("kafka"))
                    .findFirst().orElseThrow();
            assertEquals("disabled", kafka.listenAddress());
            assertThrows(IllegalStateException.class, broker::kafkaAddress);
        }
    }

    @Test
    void closingTheBrokerClosesTheListener() throws Exception {
        String address;
        try (EmbeddedBroker broker = EmbeddedBroker.startDefault()) {
            address = broker.kafkaAddress();
            String[] hostPort = address.split(":");
            new Socket(hostPort[0], Integer.parseInt(hostPort[1])).close();
        }
        String[] hostPort = address.split(":");
        assertThrows(ConnectException.class, () -> new Socket(hostPort[0], Integer.parseInt(hostPort[1])).close());
    }

    @Test
    void metadataCreatesUnknownTopicsOnlyWhenTheBrokerAllowsIt() {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().config("defaultTopicQueueNums", "2").start();
             KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
            List<PartitionInfo> partitions = consumer.partitionsFor("auto-created", Duration.ofSeconds(10));
            assertEquals(2, partitions.size());
            assertTrue(broker.broker().core().topics().get("auto-created").isPresent());
        }
        try (EmbeddedBroker broker = EmbeddedBroker.builder().config("autoCreateTopicEnable", "false").start();
             KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
            try {
                assertTrue(consumer.partitionsFor("never-created", Duration.ofSeconds(2)).isEmpty());
            } catch (org.apache.kafka.common.errors.TimeoutException stillUnknown) {
                // older clients keep asking until the timeout; either way the topic must not exist
            }
            assertFalse(broker.broker().core().topics().get("never-created").isPresent());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(EmbeddedBroker broker) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
