package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

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
public final class RecordBatchWriter {
    private final ByteBuf out;
    private final BatchSpec spec;
    private final int start;
    private final ByteBuf recordsTarget;
    /** Varints of one record before they are written: at most 5 + 1 + 10 + 5 + 5 bytes. */
    private final byte[] scratch = new byte[32];
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
        long timestampDelta = timestamp - baseTimestamp;
        int headerCount = headers.size();
        int bodySize = 1 + ZigZagVarints.sizeOfVarlong(timestampDelta) + ZigZagVarints.sizeOfVarint(count)
                + sizeOfBytes(keyLength) + sizeOfBytes(valueLength) + ZigZagVarints.sizeOfVarint(headerCount);
        for (int i = 0; i < headerCount; i++) { // indexed: no iterator per record on the fetch path
            RecordHeader header = headers.get(i);
            int keyBytes = ByteBufUtil.utf8Bytes(header.key());
            bodySize += ZigZagVarints.sizeOfVarint(keyBytes) + keyBytes
                    + sizeOfBytes(header.value() == null ? -1 : header.value().length);
        }
        ByteBuf b = recordsTarget;
        b.ensureWritable(ZigZagVarints.sizeOfVarint(bodySize) + bodySize);
        // the record's leading varints go through a scratch array and into the buffer in one call: byte-at-a-time
        // writes, each with its own bounds and capacity checks, were a visible share of the fetch path
        int n = ZigZagVarints.putVarint(scratch, 0, bodySize);
        scratch[n++] = 0; // attributes
        n = ZigZagVarints.putVarlong(scratch, n, timestampDelta);
        n = ZigZagVarints.putVarint(scratch, n, count);
        n = ZigZagVarints.putVarint(scratch, n, keyLength);
        b.writeBytes(scratch, 0, n);
        if (keyLength > 0) {
            b.writeBytes(keyArray, keyOffset, keyLength);
        }
        n = ZigZagVarints.putVarint(scratch, 0, valueLength);
        if (valueLength > 0) {
            b.writeBytes(scratch, 0, n);
            if (valueBuffer != null) {
                b.writeBytes(valueBuffer);
            } else {
                b.writeBytes(valueArray, valueOffset, valueLength);
            }
            n = 0;
        }
        n = ZigZagVarints.putVarint(scratch, n, headerCount);
        b.writeBytes(scratch, 0, n);
        for (int i = 0; i < headerCount; i++) {
            RecordHeader header = headers.get(i);
            ZigZagVarints.writeVarint(b, ByteBufUtil.utf8Bytes(header.key()));
            ByteBufUtil.writeUtf8(b, header.key());
            byte[] v = header.value();
            writeBytes(b, v, 0, v == null ? -1 : v.length);
        }
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
        int attributes = spec.compression().id()
                | (spec.timestampType() == TimestampType.LOG_APPEND_TIME ? RecordBatch.TIMESTAMP_TYPE_BIT : 0)
                | (spec.transactional() ? RecordBatch.TRANSACTIONAL_BIT : 0);
        long max = spec.timestampType() == TimestampType.LOG_APPEND_TIME ? spec.logAppendTime() : maxTimestamp;
        out.setLong(start + RecordBatch.BASE_OFFSET, spec.baseOffset())
                .setInt(start + RecordBatch.BATCH_LENGTH, size - RecordBatch.LOG_OVERHEAD)
                .setInt(start + RecordBatch.PARTITION_LEADER_EPOCH, spec.partitionLeaderEpoch())
                .setByte(start + RecordBatch.MAGIC, RecordBatch.CURRENT_MAGIC)
                .setShort(start + RecordBatch.ATTRIBUTES, attributes)
                .setInt(start + RecordBatch.LAST_OFFSET_DELTA, count - 1)
                .setLong(start + RecordBatch.BASE_TIMESTAMP, baseTimestamp)
                .setLong(start + RecordBatch.MAX_TIMESTAMP, max)
                .setLong(start + RecordBatch.PRODUCER_ID, spec.producerId())
                .setShort(start + RecordBatch.PRODUCER_EPOCH, spec.producerEpoch())
                .setInt(start + RecordBatch.BASE_SEQUENCE, spec.baseSequence())
                .setInt(start + RecordBatch.RECORD_COUNT, count);
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

    private static int sizeOfBytes(int length) {
        return length < 0 ? 1 : ZigZagVarints.sizeOfVarint(length) + length;
    }

    private static void writeBytes(ByteBuf b, byte[] array, int offset, int length) {
        if (length < 0) {
            ZigZagVarints.writeVarint(b, -1);
            return;
        }
        ZigZagVarints.writeVarint(b, length);
        b.writeBytes(array, offset, length);
    }
}
