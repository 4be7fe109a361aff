/**
 * The Kafka wire protocol as data. Each API is a pair of {@link io.ternmq.kafka.codec.Schema}s (one class per API in
 * {@code codec.api}) interpreted at run time by {@link io.ternmq.kafka.codec.MessageReader} and
 * {@link io.ternmq.kafka.codec.MessageWriter}; values are {@link io.ternmq.kafka.codec.Struct}s read and written
 * through typed {@link io.ternmq.kafka.codec.Field} handles.
 *
 * <p>Entry points for the server: {@link io.ternmq.kafka.codec.RequestParser#parse} (frame → header + body, or an
 * unsupported-version / unknown-API outcome), {@link io.ternmq.kafka.codec.ResponseEncoder#encodeFrame},
 * {@link io.ternmq.kafka.codec.ApiVersionsFallback}, the {@link io.ternmq.kafka.codec.ApiKey} table of advertised
 * versions and the {@link io.ternmq.kafka.codec.KafkaError} codes.
 */
package io.ternmq.kafka.codec;
