package io.ternmq.kafka.compat;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin createTopics, listTopics, describeTopics, createPartitions and deleteTopics. */
class AdminTopicsTest extends BrokerScenario {



    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws Exception {
        return future.get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void topicsAreCreatedDescribedGrownAndDeleted() throws Exception {
        get(admin.createTopics(List.of(new NewTopic("admin-a", 2, (short) 1), new NewTopic("admin-b", 5, (short) 1)))
                .all());
        assertTrue(get(admin.listTopics().names()).containsAll(Set.of("admin-a", "admin-b")));

        Map<String, TopicDescription> described = get(admin.describeTopics(List.of("admin-a", "admin-b"))
                .allTopicNames());
        assertEquals(2, described.get("admin-a").partitions().size());
        assertEquals(5, described.get("admin-b").partitions().size());
        Collection<Node> nodes = get(admin.describeCluster().nodes());
        assertEquals(1, nodes.size(), "one broker: " + nodes);
        Node node = nodes.iterator().next();
        for (TopicPartitionInfo p : described.get("admin-b").partitions()) {
            assertEquals(node, p.leader(), "leader of partition " + p.partition());
            assertEquals(List.of(node), p.replicas());
            assertEquals(List.of(node), p.isr());
        }
        assertFalse(described.get("admin-a").isInternal());

        ExecutionException exists = assertThrows(ExecutionException.class,
                () -> get(admin.createTopics(List.of(new NewTopic("admin-a", 2, (short) 1))).all()));
        assertInstanceOf(TopicExistsException.class, exists.getCause());

        get(admin.createPartitions(Map.of("admin-a", NewPartitions.increaseTo(4))).all());
        assertEquals(4, get(admin.describeTopics(List.of("admin-a")).allTopicNames()).get("admin-a")
                .partitions().size());

        get(admin.deleteTopics(List.of("admin-a")).all());
        Await.until("admin-a to disappear from listTopics", KafkaClients.TIMEOUT,
                () -> !names().contains("admin-a"), () -> names().toString());
        assertTrue(names().contains("admin-b"), "the other topic stays");
        ExecutionException gone = assertThrows(ExecutionException.class,
                () -> get(admin.describeTopics(List.of("admin-a")).allTopicNames()));
        assertInstanceOf(UnknownTopicOrPartitionException.class, gone.getCause());
    }

    private static Set<String> names() {
        try {
            return get(admin.listTopics().names());
        } catch (Exception e) {
            throw new AssertionError("listTopics failed", e);
        }
    }
}
