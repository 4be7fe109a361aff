/**
 * The Kafka wire protocol served by the broker: unmodified Kafka clients produce and consume on the same topics
 * and messages as the native protocol. A Kafka partition is a queue, a Kafka offset is a ConsumeQueue offset.
 *
 * <p>Sub-packages by feature: {@code codec} (the protocol's messages written as data, and their reader/writer),
 * {@code record} (record batches v2 and compression), {@code server} (listener, framing, per-API handlers),
 * {@code group} (classic consumer groups), {@code producer} (idempotent producer state), {@code sasl}.
 * It talks to the broker only through {@link io.ternmq.broker.core.BrokerCore}.
 */
package io.ternmq.kafka;
