package io.ternmq.kafka.group;

import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.offset.CommittedPosition;
import io.ternmq.broker.offset.ConsumerOffsetStore;
import io.ternmq.broker.topic.TopicConfig;
import io.ternmq.broker.topic.TopicRegistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kafka group offsets kept in the broker's {@link ConsumerOffsetStore}, keyed (group, topic, queue id): a Kafka
 * partition is a queue and a Kafka offset a queue offset, so a committed Kafka offset means the same thing to a
 * native consumer of the same group.
 *
 * <p>The commit metadata string is stored with the offset (one entry, one file), so it survives a restart like the
 * offset does; a native commit of the same key replaces it with "".
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
    public void commit(String group, TopicPartition partition, long offset, String metadata) {
        store.commit(group, partition.topic(), partition.partition(), offset, metadata);
    }

    @Override
    public Optional<CommittedOffset> committed(String group, TopicPartition partition) {
        return store.position(group, partition.topic(), partition.partition()).map(BrokerCommittedOffsets::toKafka);
    }

    @Override
    public Map<TopicPartition, CommittedOffset> committedOffsets(String group) {
        Map<TopicPartition, CommittedOffset> result = new LinkedHashMap<>();
        store.positionsOf(group).forEach((k, v) -> result.put(new TopicPartition(k.topic(), k.queueId()), toKafka(v)));
        return result;
    }

    private static CommittedOffset toKafka(CommittedPosition position) {
        return new CommittedOffset(position.offset(), position.metadata());
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
