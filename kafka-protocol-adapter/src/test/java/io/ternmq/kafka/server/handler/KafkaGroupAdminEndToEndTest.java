package io.ternmq.kafka.server.handler;

import io.ternmq.test.EmbeddedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka Admin client's consumer group operations against the broker: list, describe, list/alter/delete offsets,
 * delete groups, for an active group (a real consumer), a group that only has offsets, and unknown groups.
 */
class KafkaGroupAdminEndToEndTest {
    private static EmbeddedBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.builder().config("kafkaGroupInitialRebalanceDelayMs=0").start();
        admin = KafkaConsumerGroupEndToEndTest.admin(broker);
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

    private static Throwable failure(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ExecutionException.class, call).getCause();
    }

    private static Map<TopicPartition, Long> offsets(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Test
    void offsetsOfAGroupWithoutMembersAreAlteredListedAndDeleted() throws Exception {
        String group = "offsets-only";
        admin.createTopics(List.of(new NewTopic("ledger", 3, (short) 1))).all().get();
        TopicPartition p0 = new TopicPartition("ledger", 0);
        TopicPartition p1 = new TopicPartition("ledger", 1);
        TopicPartition p2 = new TopicPartition("ledger", 2);
        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(5, "five"),
                p1, new OffsetAndMetadata(7))).all().get();
        assertEquals(OptionalLong.of(5), broker.broker().core().offsets().query(group, "ledger", 0),
                "committed into the broker's consumer offset store");

        Map<TopicPartition, OffsetAndMetadata> listed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        assertEquals(Map.of(p0, 5L, p1, 7L), offsets(group));
        assertEquals("five", listed.get(p0).metadata());

        Map<TopicPartition, OffsetAndMetadata> some = admin.listConsumerGroupOffsets(Map.of(group,
                new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(p1, p2))))
                .partitionsToOffsetAndMetadata(group).get();
        assertEquals(7L, some.get(p1).offset());
        assertTrue(some.containsKey(p2));
        assertNull(some.get(p2), "never committed: offset -1, which Admin shows as null");

        Throwable unknown = failure(() -> admin.alterConsumerGroupOffsets(group, Map.of(
                new TopicPartition("ledger", 9), new OffsetAndMetadata(1))).all().get());
        assertInstanceOf(UnknownTopicOrPartitionException.class, unknown);
        Throwable noTopic = failure(() -> admin.alterConsumerGroupOffsets(group, Map.of(
                new TopicPartition("no-such-topic", 0), new OffsetAndMetadata(1))).all().get());
        assertInstanceOf(UnknownTopicOrPartitionException.class, noTopic);

        admin.deleteConsumerGroupOffsets(group, Set.of(p1)).all().get();
        assertEquals(Map.of(p0, 5L), offsets(group));
        assertInstanceOf(UnknownTopicOrPartitionException.class, failure(() -> admin.deleteConsumerGroupOffsets(
                group, Set.of(new TopicPartition("ledger", 9))).all().get()));
        assertEquals(Map.of(p0, 5L), offsets(group));
    }

    @Test
    void anActiveGroupIsListedDescribedAndProtectedWhileAGroupWithOnlyOffsetsIsDeleted() throws Exception {
        admin.createTopics(List.of(new NewTopic("watched", 2, (short) 1))).all().get();
        List<TopicPartition> watched = KafkaConsumerGroupEndToEndTest.partitions("watched", 2);
        Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
        watched.forEach(p -> zero.put(p, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets("active", zero).all().get();
        admin.alterConsumerGroupOffsets("idle", zero).all().get();

        try (ConsumerLoop member = ConsumerLoop.start(ConsumerLoop.config(broker.kafkaAddress(), "active",
                "watcher"), "watched", true)) {
            Await.until(Duration.ofSeconds(30), () -> String.valueOf(member.assigned()), () -> {
                member.assertAlive();
                return member.assigned().size() == 2;
            });

            Map<String, ConsumerGroupListing> listings = admin.listConsumerGroups().all().get().stream()
                    .collect(Collectors.toMap(ConsumerGroupListing::groupId, l -> l));
            assertTrue(listings.keySet().containsAll(Set.of("active", "idle")), listings.toString());
            assertFalse(listings.get("active").isSimpleConsumerGroup());
            assertTrue(listings.get("idle").isSimpleConsumerGroup(), "offsets only: protocol type \"\"");

            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(List.of("active", "idle"))
                    .all().get();
            ConsumerGroupDescription active = described.get("active");
            assertEquals(GroupState.STABLE, active.groupState());
            assertEquals(1, active.members().size());
            assertEquals("watcher", active.members().iterator().next().clientId());
            assertEquals(Set.copyOf(watched),
                    active.members().iterator().next().assignment().topicPartitions());
            assertEquals(GroupState.EMPTY, described.get("idle").groupState());
            assertTrue(described.get("idle").members().isEmpty());

            assertInstanceOf(GroupNotEmptyException.class,
                    failure(() -> admin.deleteConsumerGroups(List.of("active")).all().get()));
            assertInstanceOf(GroupSubscribedToTopicException.class, failure(() -> admin.deleteConsumerGroupOffsets(
                    "active", Set.of(watched.get(0))).all().get()));
            assertInstanceOf(UnknownMemberIdException.class, failure(() -> admin.alterConsumerGroupOffsets(
                    "active", Map.of(watched.get(0), new OffsetAndMetadata(1))).all().get()),
                    "Admin commits (generation -1) are refused while the group has members");
            assertEquals(Map.of(watched.get(0), 0L, watched.get(1), 0L), offsets("active"));
        }

        admin.deleteConsumerGroups(List.of("idle")).all().get();
        assertFalse(broker.broker().core().offsets().groups().contains("idle"), "its offsets are gone");
        assertFalse(admin.listConsumerGroups().all().get().stream().anyMatch(l -> l.groupId().equals("idle")));
        assertInstanceOf(GroupIdNotFoundException.class,
                failure(() -> admin.deleteConsumerGroups(List.of("idle")).all().get()));
    }

    @Test
    void anUnknownGroupIsDescribedAsDeadWithoutMembers() throws Exception {
        ConsumerGroupDescription unknown = admin.describeConsumerGroups(List.of("nobody")).all().get().get("nobody");
        assertEquals(GroupState.DEAD, unknown.groupState());
        assertTrue(unknown.members().isEmpty());
        assertTrue(offsets("nobody").isEmpty());
    }
}
