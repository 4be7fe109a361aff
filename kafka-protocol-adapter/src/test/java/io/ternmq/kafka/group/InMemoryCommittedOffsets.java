package io.ternmq.kafka.group;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Committed offsets for coordinator unit tests: topics "t1", "t2", "t3" with 3 partitions each. */
final class InMemoryCommittedOffsets implements CommittedOffsets {
    private final Map<String, Map<TopicPartition, Long>> offsets = new ConcurrentHashMap<>();

    @Override
    public boolean partitionExists(String topic, int partition) {
        return Set.of("t1", "t2", "t3").contains(topic) && partition >= 0 && partition < 3;
    }

    @Override
    public void commit(String group, TopicPartition partition, long offset) {
        offsets.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(partition, offset);
    }

    @Override
    public OptionalLong committed(String group, TopicPartition partition) {
        Long offset = offsets.getOrDefault(group, Map.of()).get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group) {
        Map<TopicPartition, Long> sorted = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
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
