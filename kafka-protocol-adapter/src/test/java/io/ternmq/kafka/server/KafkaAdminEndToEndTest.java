package io.ternmq.kafka.server;

import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unmodified Kafka Admin client against an in-JVM broker, over real sockets. */
class KafkaAdminEndToEndTest {
    private static EmbeddedBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().config("defaultTopicQueueNums", "3").start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafkaAddress(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static Throwable cause(ExecutionException e) {
        return e.getCause();
    }

    @Test
    void createListDescribeAndDeleteTopics() throws Exception {
        admin.createTopics(List.of(new NewTopic("orders", 4, (short) 1),
                new NewTopic("defaults", Optional.empty(), Optional.empty()))).all().get();
        assertTrue(broker.broker().core().topics().get("orders").isPresent(), "a broker topic was created");
        assertEquals(4, broker.broker().core().topics().get("orders").get().queueNums());

        Set<String> names = admin.listTopics().names().get();
        assertTrue(names.containsAll(Set.of("orders", "defaults")), names.toString());

        TopicDescription orders = admin.describeTopics(List.of("orders")).allTopicNames().get().get("orders");
        assertEquals(4, orders.partitions().size());
        assertEquals(0, orders.partitions().get(2).leader().id());
        assertEquals(1, orders.partitions().get(2).isr().size());
        TopicDescription defaults = admin.describeTopics(List.of("defaults")).allTopicNames().get().get("defaults");
        assertEquals(3, defaults.partitions().size(), "num_partitions -1 takes defaultTopicQueueNums");

        ExecutionException exists = assertThrows(ExecutionException.class,
                () -> admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get());
        assertInstanceOf(TopicExistsException.class, cause(exists));

        admin.deleteTopics(List.of("orders")).all().get();
        assertFalse(broker.broker().core().topics().get("orders").isPresent());
        ExecutionException gone = assertThrows(ExecutionException.class,
                () -> admin.deleteTopics(List.of("orders")).all().get());
        assertInstanceOf(UnknownTopicOrPartitionException.class, cause(gone));
    }

    @Test
    void replicationAboveOneIsRefusedWithAClearMessage() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 3))).all().get());
        assertInstanceOf(InvalidReplicationFactorException.class, cause(e));
        assertTrue(cause(e).getMessage().contains("single node"), cause(e).getMessage());
        assertFalse(broker.broker().core().topics().get("replicated").isPresent());
    }

    @Test
    void validateOnlyCreatesNothing() throws Exception {
        admin.createTopics(List.of(new NewTopic("dry-run", 2, (short) 1)),
                new org.apache.kafka.clients.admin.CreateTopicsOptions().validateOnly(true)).all().get();
        assertFalse(broker.broker().core().topics().get("dry-run").isPresent());
    }

    @Test
    void partitionsGrowButNeverShrink() throws Exception {
        admin.createTopics(List.of(new NewTopic("growing", 2, (short) 1))).all().get();
        admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(5))).all().get();
        assertEquals(5, broker.broker().core().topics().get("growing").get().queueNums());
        assertEquals(5, admin.describeTopics(List.of("growing")).allTopicNames().get().get("growing")
                .partitions().size());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(3))).all().get());
        assertInstanceOf(InvalidPartitionsException.class, cause(e));
    }

    @Test
    void clusterIsThisSingleNode() throws Exception {
        DescribeClusterResult cluster = admin.describeCluster();
        assertEquals(1, cluster.nodes().get().size());
        assertEquals(0, cluster.controller().get().id());
        assertEquals(broker.kafkaAddress(), cluster.nodes().get().iterator().next().host() + ":"
                + cluster.nodes().get().iterator().next().port());
        assertNotNull(cluster.clusterId().get());
    }

    @Test
    void topicAndBrokerConfigsReflectTheBrokerSettings() throws Exception {
        admin.createTopics(List.of(new NewTopic("configured", 1, (short) 1))).all().get();
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "configured");
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "0");
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(topic, node)).all().get();
        assertEquals("delete", configs.get(topic).get("cleanup.policy").value());
        assertEquals(Long.toString(72 * 3_600_000L), configs.get(topic).get("retention.ms").value());
        assertEquals(Integer.toString(4 * 1024 * 1024), configs.get(topic).get("max.message.bytes").value());
        assertEquals("3", configs.get(node).get("num.partitions").value());

        ExecutionException e = assertThrows(ExecutionException.class, () -> admin.describeConfigs(
                List.of(new ConfigResource(ConfigResource.Type.TOPIC, "no-such-topic"))).all().get());
        assertInstanceOf(UnknownTopicOrPartitionException.class, cause(e));
    }

    @Test
    void aBadFrameClosesOnlyItsOwnConnection() throws Exception {
        String[] hostPort = broker.kafkaAddress().split(":");
        try (Socket raw = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            raw.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.writeInt(Integer.MAX_VALUE); // far above kafkaMaxRequestSize
            out.flush();
            assertThrows(EOFException.class, () -> new DataInputStream(raw.getInputStream()).readByte(),
                    "the broker closes the connection");
        }
        // another client's connection carries on
        assertEquals(1, admin.describeCluster().nodes().get().size());
        admin.createTopics(List.of(new NewTopic("after-bad-frame", 1, (short) 1))).all().get();
        assertTrue(admin.listTopics().names().get().contains("after-bad-frame"));
    }
}
