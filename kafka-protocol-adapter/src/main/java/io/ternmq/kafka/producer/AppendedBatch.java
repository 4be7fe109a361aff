package io.ternmq.kafka.producer;

/**
 * Where the store put a batch: its first and last offset (queue offsets) and its timestamp (what the produce
 * response reports as log append time, or -1 for CreateTime topics; the caller decides).
 */
public record AppendedBatch(long baseOffset, long lastOffset, long timestampMs) {
}
