/**
 * One class per Kafka API, holding its request and response {@link io.ternmq.kafka.codec.Schema}s and a typed
 * {@link io.ternmq.kafka.codec.Field} handle per field: {@code XxxApi.Request.FIELD},
 * {@code XxxApi.Response.FIELD}, and nested array elements as {@code XxxApi.Response.ElementName.FIELD}. The facts
 * (field order, types, versions, nullable versions, defaults, tags) are transcribed from Kafka's message JSON
 * specs and cross-checked against kafka-clients for every served version.
 */
package io.ternmq.kafka.codec.api;
