package io.ternmq.kafka.group;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Committed offsets in memory, for coordinator and handler unit tests. By default the partitions that exist are those
 * of topics "t1", "t2", "t3" with 3 partitions each.
 */
public final class InMemoryCommittedOffsets implements CommittedOffsets {
    private final Map<String, Map<TopicPartition, CommittedOffset>> offsets = new ConcurrentHashMap<>();
    private final Predicate<TopicPartition> exists;

    public InMemoryCommittedOffsets() {
        this(tp -> Set.of("t1", "t2", "t3").contains(tp.topic()) && tp.partition() >= 0 && tp.partition() < 3);
    }

    /** @param existing the only partitions that exist */
    public InMemoryCommittedOffsets(Set<TopicPartition> existing) {
        this(existing::contains);
    }

    private InMemoryCommittedOffsets(Predicate<TopicPartition> exists) {
        this.exists = exists;
    }

    @Override
    public boolean partitionExists(String topic, int partition) {
        return exists.test(new TopicPartition(topic, partition));
    }

    @Override
    public void commit(String group, TopicPartition partition, long offset, String metadata) {
        offsets.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(partition,
                new CommittedOffset(offset, metadata));
    }

    @Override
    public Optional<CommittedOffset> committed(String group, TopicPartition partition) {
        return Optional.ofNullable(offsets.getOrDefault(group, Map.of()).get(partition));
    }

    @Override
    public Map<TopicPartition, CommittedOffset> committedOffsets(String group) {
        Map<TopicPartition, CommittedOffset> sorted = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        sorted.putAll(offsets.getOrDefault(group, Map.of()));
        return new LinkedHashMap<>(sorted);
    }

    @Override
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        offsets.forEach((g, o) -> {
            if (!o.isEmpty()) {
                groups.add(g);
            }
        });
        return groups;
    }

    @Override
    public void delete(String group, TopicPartition partition) {
        offsets.getOrDefault(group, new ConcurrentHashMap<>()).remove(partition);
    }

    @Override
    public void deleteGroup(String group) {
        offsets.remove(group);
    }
}
