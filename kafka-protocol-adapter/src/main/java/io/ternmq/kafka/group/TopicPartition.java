package io.ternmq.kafka.group;

/** A Kafka partition, that is a broker queue: {@code partition} is the queue id. */
public record TopicPartition(String topic, int partition) {
}
