/**
 * Kafka record batches, format v2 (magic 2): reading, validating and writing them, and the five compression
 * codecs (none, gzip, snappy, lz4, zstd). Entry points: {@link io.ternmq.kafka.record.RecordBatchReader} (batches
 * of a RECORDS field), {@link io.ternmq.kafka.record.RecordBatch} (one batch: header, produce checks, records) and
 * {@link io.ternmq.kafka.record.RecordBatchWriter} (builds one batch into a Netty buffer).
 *
 * <p>Untrusted bytes never escape as anything but {@link io.ternmq.kafka.record.InvalidBatchException}, whose
 * {@link io.ternmq.kafka.record.BatchStatus} tells the caller which Kafka error to answer with.
 */
package io.ternmq.kafka.record;
