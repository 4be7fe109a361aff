package io.ternmq.kafka.producer;

/**
 * Where the store put a batch: its first and last offset (queue offsets) and its timestamp (what the produce
 * response reports as log append time, or -1 for CreateTime topics; the caller decides).
 */
public record AppendedBatch(long baseOffset, long lastOffset, long timestampMs) {
    /** A delayed batch, stored in the broker's schedule: it has no partition offset until it is due (-1). */
    public static final AppendedBatch SCHEDULED = new AppendedBatch(-1, -1, -1);

    /** Whether the batch sits in the broker's schedule rather than in its partition. */
    public boolean scheduled() {
        return baseOffset < 0;
    }
}
