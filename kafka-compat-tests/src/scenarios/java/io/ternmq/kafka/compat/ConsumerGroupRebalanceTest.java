package io.ternmq.kafka.compat;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A classic consumer group of up to three members on a 3-partition topic: every join and leave rebalances, each
 * time ending with all partitions covered and none owned twice, also while the rebalance is under way.
 */
class ConsumerGroupRebalanceTest extends BrokerScenario {
    private static final String TOPIC = "rebalanced";
    private static final String GROUP = "rebalancers";
    /** Members learn about a rebalance on their next heartbeat (3 s by default), then rejoin. */
    private static final Duration REBALANCE = Duration.ofSeconds(30);
    private final List<GroupMember> started = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        KafkaClients.createTopic(admin, TOPIC, 3);
    }


    @Test
    void joinsAndLeavesRebalanceWithEveryPartitionOwnedExactlyOnce() throws Exception {
        OwnershipLedger ledger = new OwnershipLedger();
        GroupMember first = null;
        GroupMember second = null;
        GroupMember third = null;
        try {
            first = member("first", ledger);
            awaitOwners(ledger, Map.of("first", Set.of(0, 1, 2)));

            second = member("second", ledger);
            awaitSplit(ledger, Set.of("first", "second"));

            third = member("third", ledger);
            awaitOwners(ledger, Map.of("first", Set.of(0), "second", Set.of(1), "third", Set.of(2)));
            assertGroupDescribedAs(Set.of(Set.of(0), Set.of(1), Set.of(2)));

            third.close();
            Throwable thirdFailure = third.failure();
            assertNull(thirdFailure, () -> "third member failed: " + thirdFailure);
            awaitSplit(ledger, Set.of("first", "second"));
        } finally {
            CompatBroker.closeAll(third, second, first);
        }
        assertNull(first.failure(), "first member failed");
        assertNull(second.failure(), "second member failed");
        assertEquals(List.of(), ledger.violations(), "no partition was ever owned by two members at once");
    }

    private GroupMember member(String name, OwnershipLedger ledger) {
        GroupMember member = new GroupMember(name, KafkaClients.consumerConfig(broker, GROUP), TOPIC, ledger);
        started.add(member);
        return member;
    }

    /** A member whose consumer threw (e.g. an unsupported API) fails the wait at once, with its exception. */
    private void requireMembersAlive() {
        for (GroupMember m : started) {
            if (m.failure() != null) {
                throw new AssertionError("group member " + m.name() + " failed", m.failure());
            }
        }
    }

    /**
     * Exactly these members own exactly these partition sets. Which member gets which set is the assignor's choice
     * (RangeAssignor orders members by the ids the coordinator gave them), so only the sets are compared.
     */
    private void awaitOwners(OwnershipLedger ledger, Map<String, Set<Integer>> expected) {
        Await.until("members " + expected.keySet() + " to own " + expected.values(), REBALANCE, () -> {
            requireMembersAlive();
            Map<String, Set<Integer>> now = ledger.byMember();
            return now.keySet().equals(expected.keySet())
                    && new HashSet<>(now.values()).equals(new HashSet<>(expected.values()));
        }, ledger::toString);
    }

    /** All three partitions owned, by exactly these members, each owning at least one. */
    private void awaitSplit(OwnershipLedger ledger, Set<String> members) {
        Await.until("partitions 0-2 split among " + members, REBALANCE, () -> {
            requireMembersAlive();
            Map<String, Set<Integer>> now = ledger.byMember();
            Set<Integer> all = new HashSet<>();
            now.values().forEach(all::addAll);
            return now.keySet().equals(members) && all.equals(Set.of(0, 1, 2));
        }, ledger::toString);
    }

    private void assertGroupDescribedAs(Set<Set<Integer>> expectedAssignments) {
        Await.until("DescribeGroups to show three members with one partition each", REBALANCE, () -> {
            ConsumerGroupDescription group;
            try {
                group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(KafkaClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(GROUP);
            } catch (Exception e) {
                throw new AssertionError("DescribeGroups failed", e);
            }
            Set<Set<Integer>> assignments = new HashSet<>();
            for (MemberDescription m : group.members()) {
                Set<Integer> partitions = new HashSet<>();
                for (TopicPartition tp : m.assignment().topicPartitions()) {
                    partitions.add(tp.partition());
                }
                assignments.add(partitions);
            }
            return group.members().size() == 3 && assignments.equals(expectedAssignments);
        });
    }
}
