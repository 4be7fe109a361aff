/**
 * Support for the data-path handlers (Produce, Fetch, ListOffsets, InitProducerId): the one map from broker outcomes
 * to Kafka errors ({@link io.ternmq.kafka.server.data.DataPathErrors}), waiting fetches woken by message arrivals
 * ({@link io.ternmq.kafka.server.data.FetchWaiters}), and the shared state those handlers live with
 * ({@link io.ternmq.kafka.server.data.KafkaDataPath}: producer ids, idempotent producer state, threads).
 */
package io.ternmq.kafka.server.data;
