package io.ternmq.kafka.group;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where committed group offsets live. The broker's implementation is {@link BrokerCommittedOffsets}: the same store
 * native consumers use, so Kafka and native groups show up alike in consumer progress. An offset and its metadata are
 * written and read as one value, so a fetch never pairs an offset with another commit's metadata. Implementations are
 * thread-safe.
 */
public interface CommittedOffsets {
    /** Whether the topic exists and has this partition (queue). */
    boolean partitionExists(String topic, int partition);

    /** Records the offset with the commit's metadata string ("" for none), persisted together. */
    void commit(String group, TopicPartition partition, long offset, String metadata);

    /** The committed offset with its metadata, or empty. */
    Optional<CommittedOffset> committed(String group, TopicPartition partition);

    /** Every committed offset of the group with its metadata, sorted by topic and partition. */
    Map<TopicPartition, CommittedOffset> committedOffsets(String group);

    /** Groups with at least one committed offset. */
    Set<String> groups();

    void delete(String group, TopicPartition partition);

    void deleteGroup(String group);
}
