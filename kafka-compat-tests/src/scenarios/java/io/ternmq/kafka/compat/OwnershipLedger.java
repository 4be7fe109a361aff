package io.ternmq.kafka.compat;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who owns which partition, as the group members' rebalance listeners report it. Acquiring a partition that another
 * member still owns is recorded as a violation: with the classic protocol a member gives partitions up before it
 * rejoins, so a correct coordinator never lets two members hold one partition at once. Thread-safe (synchronized).
 */
final class OwnershipLedger {
    private final Map<TopicPartition, String> owners = new TreeMap<>(
            (a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                    : a.topic().compareTo(b.topic()));
    private final List<String> violations = new ArrayList<>();

    synchronized void acquire(String member, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            String previous = owners.put(tp, member);
            if (previous != null && !previous.equals(member)) {
                violations.add(member + " was assigned " + tp + " while " + previous + " still owned it");
            }
        }
    }

    synchronized void release(String member, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            owners.remove(tp, member);
        }
    }

    /** Partitions owned by each member; members owning nothing are absent. */
    synchronized Map<String, Set<Integer>> byMember() {
        Map<String, Set<Integer>> result = new TreeMap<>();
        owners.forEach((tp, member) -> result.computeIfAbsent(member, m -> new TreeSet<>()).add(tp.partition()));
        return result;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public synchronized String toString() {
        return byMember() + (violations.isEmpty() ? "" : " violations=" + violations);
    }
}
