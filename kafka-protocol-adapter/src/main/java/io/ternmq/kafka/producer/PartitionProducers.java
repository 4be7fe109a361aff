package io.ternmq.kafka.producer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producers of one partition (queue). Every field, and every {@link ProducerEntry} it holds, is guarded by
 * {@link #lock}: the lock that serializes judging a batch and handing it to the store, so the store receives one
 * partition's idempotent batches in the order they were judged.
 */
final class PartitionProducers {
    final String topic;
    final int partition;
    final ReentrantLock lock = new ReentrantLock();
    final Map<Long, ProducerEntry> producers = new HashMap<>();

    PartitionProducers(String topic, int partition) {
        this.topic = topic;
        this.partition = partition;
    }
}
