/**
 * The one seam where Kafka records and broker messages convert into each other: {@link
 * io.ternmq.kafka.mapping.RecordsToDrafts} on Produce, {@link io.ternmq.kafka.mapping.StoredToBatches} on Fetch,
 * both built on the rules of {@link io.ternmq.kafka.mapping.MessageRecordMapping}. Reserved property and header
 * names are in {@link io.ternmq.kafka.mapping.KafkaPropertyNames} and {@link io.ternmq.kafka.mapping.TernmqHeaders}.
 */
package io.ternmq.kafka.mapping;
