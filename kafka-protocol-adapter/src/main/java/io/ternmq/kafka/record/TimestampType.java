package io.ternmq.kafka.record;

/** Attribute bit 3 of a batch: whose clock the record timestamps are. */
public enum TimestampType {
    /** Set by the producer when it created the record. */
    CREATE_TIME,
    /** Set by the broker when it appended the batch (maxTimestamp holds it for every record). */
    LOG_APPEND_TIME
}
