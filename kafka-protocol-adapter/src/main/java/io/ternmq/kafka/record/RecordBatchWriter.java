package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Builds one v2 record batch (layout in {@link RecordBatch}) at the writer index of a buffer: the header is
 * reserved first and filled in, CRC included, by {@link #finish()}. Uncompressed records are written straight
 * into the target; compressed ones into a pooled heap buffer that is compressed into the target at the end.
 * Offset deltas are the records' positions; the base timestamp is the first record's.
 *
 * <p>Not thread-safe; one writer per batch. Call {@link #finish()} or {@link #abandon()} exactly once, or the
 * scratch buffer of a compressed batch leaks.
 */
public final class RecordBatchWriter implements RecordAppender {
    private final ByteBuf out;
    private final BatchSpec spec;
    private final int start;
    private final ByteBuf recordsTarget;
    private final byte[] scratch = new byte[RecordEncoding.SCRATCH_BYTES];
    private final RecordSink sink;
    private int count;
    private long baseTimestamp;
    private long maxTimestamp = -1;
    private boolean done;

    /** Reserves the header at {@code out}'s writer index. */
    public RecordBatchWriter(ByteBuf out, BatchSpec spec) {
        this.out = out;
        this.spec = spec;
        this.start = out.writerIndex();
        out.writeZero(RecordBatch.HEADER_SIZE);
        this.recordsTarget = spec.compression() == CompressionType.NONE ? out : out.alloc().heapBuffer();
        this.sink = new BufferSink(recordsTarget);
    }

    public RecordBatchWriter append(KafkaRecord record) {
        return append(record.timestamp(), record.key(), record.value(), record.headers());
    }

    /** Appends a record; {@code key} and {@code value} may be null. */
    public RecordBatchWriter append(long timestamp, byte[] key, byte[] value, List<RecordHeader> headers) {
        return append(timestamp, key, 0, key == null ? -1 : key.length, value, 0, value == null ? -1 : value.length,
                headers);
    }

    /**
     * Appends a record whose key and value are array regions (e.g. inside a stored record, copied without an
     * intermediate array); a length of -1 means null.
     */
    public RecordBatchWriter append(long timestamp, byte[] keyArray, int keyOffset, int keyLength,
                                    byte[] valueArray, int valueOffset, int valueLength, List<RecordHeader> headers) {
        return append(timestamp, keyArray, keyOffset, keyLength, valueArray, valueOffset, null, valueLength, headers);
    }

    /**
     * As the array form, with the value as the remaining bytes of a buffer (e.g. a view of the stored record, read
     * without a heap copy), or null for a null value. Consumes {@code value}'s remaining bytes.
     */
    @Override
    public RecordBatchWriter append(long timestamp, byte[] keyArray, int keyOffset, int keyLength, ByteBuffer value,
                                    List<RecordHeader> headers) {
        return append(timestamp, keyArray, keyOffset, keyLength, null, 0, value, value == null ? -1 : value.remaining(),
                headers);
    }

    /** The value is {@code valueArray}'s region, or else {@code valueBuffer}'s remaining bytes. */
    private RecordBatchWriter append(long timestamp, byte[] keyArray, int keyOffset, int keyLength, byte[] valueArray,
                                     int valueOffset, ByteBuffer valueBuffer, int valueLength,
                                     List<RecordHeader> headers) {
        if (done) {
            throw new IllegalStateException("batch already finished");
        }
        if (count == 0) {
            baseTimestamp = timestamp;
        }
        RecordEncoding.write(sink, scratch, timestamp - baseTimestamp, count, keyArray, keyOffset, keyLength,
                valueArray, valueOffset, valueBuffer, valueLength, headers);
        count++;
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        return this;
    }

    public int recordCount() {
        return count;
    }

    /** Bytes written so far (before compression), header included. */
    public int uncompressedSize() {
        return recordsTarget == out ? out.writerIndex() - start
                : RecordBatch.HEADER_SIZE + recordsTarget.readableBytes();
    }

    /**
     * Compresses the records if asked, fills in the header and CRC.
     *
     * @return the size of the finished batch in bytes
     * @throws IllegalStateException when no record was appended (a batch holds at least one)
     */
    public int finish() {
        int size = finishHeader();
        int crc = RecordBatch.computeCrc(out, start + RecordBatch.ATTRIBUTES, size - RecordBatch.ATTRIBUTES);
        out.setInt(start + RecordBatch.CRC, crc);
        return size;
    }

    /**
     * As {@link #finish()}, with a CRC known in advance instead of computed here: the checksum of exactly these
     * header fields and records, computed when the same batch was built before (the reader verifies it).
     */
    public int finishWithCrc(int crc) {
        int size = finishHeader();
        out.setInt(start + RecordBatch.CRC, crc);
        return size;
    }

    /** Everything {@link #finish()} does except the CRC; returns the batch size. */
    private int finishHeader() {
        if (count == 0) {
            abandon();
            throw new IllegalStateException("a record batch needs at least one record");
        }
        if (done) {
            throw new IllegalStateException("batch already finished");
        }
        done = true;
        if (recordsTarget != out) {
            try {
                spec.compression().codec().compress(recordsTarget, out);
            } finally {
                recordsTarget.release();
            }
        }
        int size = out.writerIndex() - start;
        out.setLong(start + RecordBatch.BASE_OFFSET, spec.baseOffset())
                .setInt(start + RecordBatch.BATCH_LENGTH, size - RecordBatch.LOG_OVERHEAD)
                .setInt(start + RecordBatch.PARTITION_LEADER_EPOCH, spec.partitionLeaderEpoch())
                .setByte(start + RecordBatch.MAGIC, RecordBatch.CURRENT_MAGIC);
        spec.writeCheckedHeader(out, start + RecordBatch.ATTRIBUTES, count, baseTimestamp, maxTimestamp);
        return size;
    }

    /** Drops the batch: the target's writer index goes back to where the batch started. */
    public void abandon() {
        if (!done) {
            done = true;
            if (recordsTarget != out) {
                recordsTarget.release();
            }
        }
        out.writerIndex(start);
    }

    /** Records go straight into the batch's buffer. */
    private record BufferSink(ByteBuf target) implements RecordSink {
        @Override
        public void reserve(int bytes) {
            target.ensureWritable(bytes);
        }

        @Override
        public void put(byte[] array, int offset, int length) {
            target.writeBytes(array, offset, length);
        }

        @Override
        public void put(ByteBuffer buffer) {
            target.writeBytes(buffer);
        }
    }
}
