package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocateStrategyTest {
    private static List<MessageQueue> queues(int n) {
        return IntStream.range(0, n).mapToObj(i -> new MessageQueue("T", i)).toList();
    }

    private static List<String> clients(int n) {
        return IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
    }

    @Test
    void averageGivesContiguousBlocksWithTheRemainderToTheFirstMembers() {
        List<MessageQueue> q = queues(8);
        assertEquals(q.subList(0, 3), AllocateStrategy.AVERAGE.allocate("c0", q, clients(3)));
        assertEquals(q.subList(3, 6), AllocateStrategy.AVERAGE.allocate("c1", q, clients(3)));
        assertEquals(q.subList(6, 8), AllocateStrategy.AVERAGE.allocate("c2", q, clients(3)));
    }

    @Test
    void roundRobinDealsQueuesLikeCards() {
        List<MessageQueue> q = queues(5);
        assertEquals(List.of(q.get(0), q.get(2), q.get(4)), AllocateStrategy.ROUND_ROBIN.allocate("c0", q, clients(2)));
        assertEquals(List.of(q.get(1), q.get(3)), AllocateStrategy.ROUND_ROBIN.allocate("c1", q, clients(2)));
    }

    @ParameterizedTest
    @EnumSource(AllocateStrategy.class)
    void everyQueueHasExactlyOneOwnerWhateverTheInputOrder(AllocateStrategy strategy) {
        for (int nq = 1; nq <= 16; nq++) {
            for (int nc = 1; nc <= 6; nc++) {
                List<MessageQueue> q = new ArrayList<>(queues(nq));
                List<String> c = new ArrayList<>(clients(nc));
                Set<MessageQueue> seen = new HashSet<>();
                int total = 0;
                for (String id : clients(nc)) {
                    Collections.shuffle(q);
                    Collections.shuffle(c);
                    List<MessageQueue> mine = strategy.allocate(id, q, c);
                    seen.addAll(mine);
                    total += mine.size();
                }
                assertEquals(nq, total, strategy + " " + nq + "q/" + nc + "c: a queue owned twice");
                assertEquals(nq, seen.size(), strategy + " " + nq + "q/" + nc + "c: a queue without owner");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AllocateStrategy.class, names = {"AVERAGE", "ROUND_ROBIN"})
    void averagingStrategiesDifferByAtMostOneQueue(AllocateStrategy strategy) {
        List<Integer> sizes = clients(3).stream().map(id -> strategy.allocate(id, queues(8), clients(3)).size())
                .toList();
        assertTrue(Collections.max(sizes) - Collections.min(sizes) <= 1, sizes.toString());
    }

    @Test
    void consistentHashMovesFewQueuesWhenAMemberJoins() {
        List<MessageQueue> q = queues(64);
        int moved = 0;
        for (String id : clients(4)) {
            Set<MessageQueue> before = new HashSet<>(AllocateStrategy.CONSISTENT_HASH.allocate(id, q, clients(4)));
            Set<MessageQueue> after = new HashSet<>(AllocateStrategy.CONSISTENT_HASH.allocate(id, q, clients(5)));
            assertTrue(before.containsAll(after), "an existing member only gives queues away");
            moved += before.size() - after.size();
        }
        assertTrue(moved < 32, "consistent hashing should not reshuffle most queues, moved " + moved);
    }

    @Test
    void aClientNotInTheMemberListGetsNothing() {
        for (AllocateStrategy s : AllocateStrategy.values()) {
            assertEquals(List.of(), s.allocate("stranger", queues(4), clients(2)));
        }
    }
}
