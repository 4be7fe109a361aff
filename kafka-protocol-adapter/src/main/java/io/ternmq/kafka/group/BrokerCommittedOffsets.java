package io.ternmq.kafka.group;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Kafka group offsets kept in the broker's {@link ConsumerOffsetStore}, keyed (group, topic, queue id): a Kafka
 * partition is a queue and a Kafka offset a queue offset, so a committed Kafka offset means the same thing to a
 * native consumer of the same group.
 *
 * <p>Durability is the store's: commits are flushed every {@code flushConsumerOffsetInterval} and at shutdown, so
 * after a crash a group may re-read up to one interval of records (at-least-once), never skip any. Deleting a group
 * persists at once. Thread-safe (the store is).
 */
public final class BrokerCommittedOffsets implements CommittedOffsets {
    private final ConsumerOffsetStore store;
    private final TopicRegistry topics;

    public BrokerCommittedOffsets(ConsumerOffsetStore store, TopicRegistry topics) {
        this.store = store;
        this.topics = topics;
    }

    public static BrokerCommittedOffsets of(BrokerCore core) {
        return new BrokerCommittedOffsets(core.offsets(), core.topics());
    }

    @Override
    public boolean partitionExists(String topic, int partition) {
        Optional<TopicConfig> config = topics.get(topic);
        return config.isPresent() && config.get().hasQueue(partition);
    }

    @Override
    public void commit(String group, TopicPartition partition, long offset) {
        store.commit(group, partition.topic(), partition.partition(), offset);
    }

    @Override
    public OptionalLong committed(String group, TopicPartition partition) {
        return store.query(group, partition.topic(), partition.partition());
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group) {
        Map<TopicPartition, Long> result = new LinkedHashMap<>();
        store.offsetsOf(group).forEach((k, v) -> result.put(new TopicPartition(k.topic(), k.queueId()), v));
        return result;
    }

    @Override
    public Set<String> groups() {
        return store.groups();
    }

    @Override
    public void delete(String group, TopicPartition partition) {
        store.delete(group, partition.topic(), partition.partition());
    }

    @Override
    public void deleteGroup(String group) {
        store.deleteGroup(group);
    }
}
