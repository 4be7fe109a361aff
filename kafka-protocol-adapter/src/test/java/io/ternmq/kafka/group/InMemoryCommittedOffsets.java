package io.ternmq.kafka.group;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Committed offsets for coordinator unit tests: topics "t1", "t2", "t3" with 3 partitions each. */
final class InMemoryCommittedOffsets implements CommittedOffsets {
    private final Map<String, Map<TopicPartition, CommittedOffset>> offsets = new ConcurrentHashMap<>();

    @Override
    public boolean partitionExists(String topic, int partition) {
        return Set.of("t1", "t2", "t3").contains(topic) && partition >= 0 && partition < 3;
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
