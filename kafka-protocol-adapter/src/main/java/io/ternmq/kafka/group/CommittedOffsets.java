package io.ternmq.kafka.group;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where committed group offsets live. The broker's implementation is {@link BrokerCommittedOffsets}: the same store
 * native consumers use, so Kafka and native groups show up alike in consumer progress. Implementations are
 * thread-safe.
 */
public interface CommittedOffsets {
    /** Whether the topic exists and has this partition (queue). */
    boolean partitionExists(String topic, int partition);

    void commit(String group, TopicPartition partition, long offset);

    OptionalLong committed(String group, TopicPartition partition);

    /** Every committed offset of the group, sorted by topic and partition. */
    Map<TopicPartition, Long> committedOffsets(String group);

    /** Groups with at least one committed offset. */
    Set<String> groups();

    void delete(String group, TopicPartition partition);

    void deleteGroup(String group);
}
