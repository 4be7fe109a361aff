package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;

import java.util.Objects;

/**
 * The header fields of a batch to write that do not come from its records.
 *
 * @param baseOffset           offset of the first record
 * @param partitionLeaderEpoch -1 = none
 * @param compression          codec of the records section
 * @param timestampType        CreateTime, or LogAppendTime with {@code logAppendTime} as maxTimestamp
 * @param logAppendTime        the append time under LogAppendTime; ignored under CreateTime
 * @param producerId           -1 = none
 * @param producerEpoch        -1 = none
 * @param baseSequence         -1 = none
 * @param transactional        attribute bit 4
 */
public record BatchSpec(long baseOffset, int partitionLeaderEpoch, CompressionType compression,
                        TimestampType timestampType, long logAppendTime, long producerId, short producerEpoch,
                        int baseSequence, boolean transactional) {
    public BatchSpec {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(timestampType, "timestampType");
    }

    /** A CreateTime batch without producer, leader epoch or transaction: what a fetch response carries. */
    public static BatchSpec of(long baseOffset, CompressionType compression) {
        return new BatchSpec(baseOffset, -1, compression, TimestampType.CREATE_TIME, -1, -1, (short) -1, -1, false);
    }

    public BatchSpec withProducer(long producerId, short producerEpoch, int baseSequence) {
        return new BatchSpec(baseOffset, partitionLeaderEpoch, compression, timestampType, logAppendTime, producerId,
                producerEpoch, baseSequence, transactional);
    }

    public BatchSpec withLeaderEpoch(int epoch) {
        return new BatchSpec(baseOffset, epoch, compression, timestampType, logAppendTime, producerId, producerEpoch,
                baseSequence, transactional);
    }

    public BatchSpec withLogAppendTime(long appendTime) {
        return new BatchSpec(baseOffset, partitionLeaderEpoch, compression, TimestampType.LOG_APPEND_TIME, appendTime,
                producerId, producerEpoch, baseSequence, transactional);
    }

    public BatchSpec withTransactional(boolean isTransactional) {
        return new BatchSpec(baseOffset, partitionLeaderEpoch, compression, timestampType, logAppendTime, producerId,
                producerEpoch, baseSequence, isTransactional);
    }

    /** Size of the header fields the batch CRC covers before the records: attributes .. record count. */
    static final int CHECKED_HEADER_SIZE = RecordBatch.HEADER_SIZE - RecordBatch.ATTRIBUTES;

    /**
     * Writes the header fields from attributes to record count (the start of what the batch CRC covers) at
     * {@code index}.
     *
     * @param maxTimestamp the records' largest timestamp (replaced by {@code logAppendTime} under LogAppendTime)
     */
    void writeCheckedHeader(ByteBuf buf, int index, int count, long baseTimestamp, long maxTimestamp) {
        int attributes = compression.id()
                | (timestampType == TimestampType.LOG_APPEND_TIME ? RecordBatch.TIMESTAMP_TYPE_BIT : 0)
                | (transactional ? RecordBatch.TRANSACTIONAL_BIT : 0);
        long max = timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : maxTimestamp;
        int at = index - RecordBatch.ATTRIBUTES;
        buf.setShort(at + RecordBatch.ATTRIBUTES, attributes)
                .setInt(at + RecordBatch.LAST_OFFSET_DELTA, count - 1)
                .setLong(at + RecordBatch.BASE_TIMESTAMP, baseTimestamp)
                .setLong(at + RecordBatch.MAX_TIMESTAMP, max)
                .setLong(at + RecordBatch.PRODUCER_ID, producerId)
                .setShort(at + RecordBatch.PRODUCER_EPOCH, producerEpoch)
                .setInt(at + RecordBatch.BASE_SEQUENCE, baseSequence)
                .setInt(at + RecordBatch.RECORD_COUNT, count);
    }
}
