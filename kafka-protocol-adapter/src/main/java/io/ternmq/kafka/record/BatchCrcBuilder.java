package io.ternmq.kafka.record;

import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The CRC-32C of the uncompressed batch a {@link RecordBatchWriter} would build from the same appends, computed
 * without building it: the records' bytes go through the checksum only, so a value is read once and never copied.
 * The header fields the CRC covers come before the records, so the record count and timestamps are declared up front
 * and {@link #crc()} checks that the appends matched them.
 *
 * <p>Not thread-safe; one builder per batch.
 */
public final class BatchCrcBuilder implements RecordAppender {
    private final CRC32C crc = new CRC32C();
    private final byte[] scratch = new byte[RecordEncoding.SCRATCH_BYTES];
    private final RecordSink sink = new ChecksumSink(crc);
    private final int declaredCount;
    private final long baseTimestamp;
    private final long declaredMaxTimestamp;
    private long maxTimestamp = -1; // as RecordBatchWriter
    private int count;

    /**
     * @param spec          the batch's header fields; its compression must be NONE
     * @param count         how many records will be appended, at least one
     * @param baseTimestamp the first record's timestamp
     * @param maxTimestamp  the records' largest timestamp, or -1 if that is larger (as {@link RecordBatchWriter})
     */
    public BatchCrcBuilder(BatchSpec spec, int count, long baseTimestamp, long maxTimestamp) {
        if (spec.compression() != CompressionType.NONE) {
            throw new IllegalArgumentException("the CRC of a compressed batch needs its compressed bytes");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a record batch needs at least one record");
        }
        this.declaredCount = count;
        this.baseTimestamp = baseTimestamp;
        this.declaredMaxTimestamp = maxTimestamp;
        byte[] header = new byte[BatchSpec.CHECKED_HEADER_SIZE];
        spec.writeCheckedHeader(Unpooled.wrappedBuffer(header), 0, count, baseTimestamp, maxTimestamp);
        crc.update(header, 0, header.length);
    }

    /** As {@link RecordBatchWriter#append(long, byte[], int, int, ByteBuffer, List)}; consumes {@code value}. */
    @Override
    public BatchCrcBuilder append(long timestamp, byte[] keyArray, int keyOffset, int keyLength, ByteBuffer value,
                                  List<RecordHeader> headers) {
        if (count == 0 && timestamp != baseTimestamp) {
            throw new IllegalStateException("first timestamp " + timestamp + ", declared " + baseTimestamp);
        }
        RecordEncoding.write(sink, scratch, timestamp - baseTimestamp, count, keyArray, keyOffset, keyLength, null, 0,
                value, value == null ? -1 : value.remaining(), headers);
        count++;
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        return this;
    }

    /** The batch CRC, as {@link RecordBatchWriter#finish()} would write it. */
    public int crc() {
        if (count != declaredCount || maxTimestamp != declaredMaxTimestamp) {
            throw new IllegalStateException("appended " + count + " records with max timestamp " + maxTimestamp
                    + ", declared " + declaredCount + " and " + declaredMaxTimestamp);
        }
        return (int) crc.getValue();
    }

    /** Bytes go only into the checksum. */
    private record ChecksumSink(CRC32C crc) implements RecordSink {
        @Override
        public void reserve(int bytes) {
        }

        @Override
        public void put(byte[] array, int offset, int length) {
            crc.update(array, offset, length);
        }

        @Override
        public void put(ByteBuffer buffer) {
            crc.update(buffer);
        }
    }
}
