package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One record batch, format v2 (magic 2), as a read-only view over its bytes (nothing is copied until
 * {@link #records} decodes them). Layout, big-endian:
 * <pre>
 * offset size field
 *  0      8   baseOffset            offset of the first record; producers send 0
 *  8      4   batchLength           bytes after this field (whole batch = 12 + batchLength)
 * 12      4   partitionLeaderEpoch  -1 = none
 * 16      1   magic                 2
 * 17      4   crc                   CRC-32C (Castagnoli) of bytes [21, end)
 * 21      2   attributes            bits 0-2 compression id, 3 timestamp type (1 = LogAppendTime),
 *                                   4 transactional, 5 control, 6 delete horizon set
 * 23      4   lastOffsetDelta       recordCount - 1 in batches built by producers
 * 27      8   baseTimestamp         timestamp of the first record
 * 35      8   maxTimestamp          largest record timestamp (LogAppendTime: the append time)
 * 43      8   producerId            -1 = none
 * 51      2   producerEpoch         -1 = none
 * 53      4   baseSequence          -1 = none
 * 57      4   recordCount           never compressed
 * 61      ..  records               one compressed stream of all records when the compression id is not 0
 * </pre>
 * Each record: varint length (bytes after it), int8 attributes (0), varlong timestampDelta, varint offsetDelta,
 * varint key length (-1 = null) + key, varint value length (-1 = null) + value, varint header count, and per
 * header varint key length + UTF-8 key, varint value length (-1 = null) + value. Varints are ZigZag
 * ({@link ZigZagVarints}).
 *
 * <p>Immutable view; thread-safe as long as nobody writes to the underlying buffer. The buffer's reference count
 * is the caller's business: the view is valid while the buffer it came from is.
 */
public final class RecordBatch {
    static final int BASE_OFFSET = 0;
    static final int BATCH_LENGTH = 8;
    static final int PARTITION_LEADER_EPOCH = 12;
    static final int MAGIC = 16;
    public static final int CRC = 17;
    static final int ATTRIBUTES = 21;
    static final int LAST_OFFSET_DELTA = 23;
    static final int BASE_TIMESTAMP = 27;
    static final int MAX_TIMESTAMP = 35;
    static final int PRODUCER_ID = 43;
    static final int PRODUCER_EPOCH = 51;
    static final int BASE_SEQUENCE = 53;
    static final int RECORD_COUNT = 57;
    /** Size of the header, and where the records start. */
    public static final int HEADER_SIZE = 61;
    /** baseOffset + batchLength: the bytes not counted by batchLength. */
    public static final int LOG_OVERHEAD = 12;
    public static final byte CURRENT_MAGIC = 2;

    static final int COMPRESSION_MASK = 0x07;
    static final int TIMESTAMP_TYPE_BIT = 0x08;
    static final int TRANSACTIONAL_BIT = 0x10;
    static final int CONTROL_BIT = 0x20;
    static final int DELETE_HORIZON_BIT = 0x40;

    private final ByteBuf buf;

    /** @param buf exactly one batch, at index 0 (a slice) */
    RecordBatch(ByteBuf buf) {
        this.buf = buf;
    }

    /** The batch's bytes (a read-only duplicate sharing the memory; not retained). */
    public ByteBuf buffer() {
        return buf.asReadOnly();
    }

    public int sizeInBytes() {
        return buf.readableBytes();
    }

    public long baseOffset() {
        return buf.getLong(BASE_OFFSET);
    }

    public int batchLength() {
        return buf.getInt(BATCH_LENGTH);
    }

    public int partitionLeaderEpoch() {
        return buf.getInt(PARTITION_LEADER_EPOCH);
    }

    public byte magic() {
        return buf.getByte(MAGIC);
    }

    /** The stored CRC as an unsigned value. */
    public long crc() {
        return buf.getUnsignedInt(CRC);
    }

    public short attributes() {
        return buf.getShort(ATTRIBUTES);
    }

    public int compressionId() {
        return attributes() & COMPRESSION_MASK;
    }

    /** The codec, or null when the id (5-7) names none. */
    public CompressionType compressionType() {
        return CompressionType.forId(compressionId());
    }

    public TimestampType timestampType() {
        return (attributes() & TIMESTAMP_TYPE_BIT) != 0 ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
    }

    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_BIT) != 0;
    }

    public boolean isControl() {
        return (attributes() & CONTROL_BIT) != 0;
    }

    public int lastOffsetDelta() {
        return buf.getInt(LAST_OFFSET_DELTA);
    }

    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    public long baseTimestamp() {
        return buf.getLong(BASE_TIMESTAMP);
    }

    public long maxTimestamp() {
        return buf.getLong(MAX_TIMESTAMP);
    }

    public long producerId() {
        return buf.getLong(PRODUCER_ID);
    }

    public short producerEpoch() {
        return buf.getShort(PRODUCER_EPOCH);
    }

    public int baseSequence() {
        return buf.getInt(BASE_SEQUENCE);
    }

    /** The sequence of the last record; wraps from Integer.MAX_VALUE to 0 like Kafka's. */
    public int lastSequence() {
        int base = baseSequence();
        if (base < 0) {
            return -1;
        }
        long last = (long) base + lastOffsetDelta();
        return (int) (last > Integer.MAX_VALUE ? last - Integer.MAX_VALUE - 1 : last);
    }

    public int recordCount() {
        return buf.getInt(RECORD_COUNT);
    }

    /** Whether the CRC-32C of bytes [21, end) matches the stored one. */
    public boolean isCrcValid() {
        return computeCrc(buf, ATTRIBUTES, buf.readableBytes() - ATTRIBUTES) == (int) crc();
    }

    /**
     * Applies the checks Kafka makes on a batch a client produced: magic 2, CRC, a known codec, base offset 0,
     * {@code lastOffsetDelta + 1 == recordCount > 0}, not a control batch, and a base sequence whenever a producer
     * id is set. Records are not decoded here; {@link #records} checks them.
     */
    public void checkForProduce() throws InvalidBatchException {
        if (magic() != CURRENT_MAGIC) {
            throw new InvalidBatchException(BatchStatus.UNSUPPORTED_MAGIC, "magic " + magic() + ", only 2 is accepted");
        }
        if (!isCrcValid()) {
            throw new InvalidBatchException(BatchStatus.CORRUPT, "CRC mismatch: stored " + crc());
        }
        if (compressionType() == null) {
            throw new InvalidBatchException(BatchStatus.UNSUPPORTED_COMPRESSION, "compression id " + compressionId());
        }
        if (baseOffset() != 0) {
            throw invalid("base offset " + baseOffset() + " from a client, must be 0");
        }
        if (recordCount() <= 0 || (long) lastOffsetDelta() + 1 != recordCount()) {
            throw invalid("record count " + recordCount() + " does not match last offset delta " + lastOffsetDelta());
        }
        if (isControl()) {
            throw invalid("clients may not send control batches");
        }
        if (producerId() >= 0 && baseSequence() < 0) {
            throw invalid("producer id " + producerId() + " without a base sequence");
        }
    }

    /**
     * Decodes every record. Offset deltas must be 0, 1, 2, ... (as producers and this broker write them), so a
     * record's offset is {@code baseOffset() + its index}. Under LogAppendTime every record gets
     * {@link #maxTimestamp()}, as Kafka reports them.
     *
     * @param maxDecompressedBytes the most bytes a compressed records section may expand to (bounds the memory
     *                             a hostile batch can claim; e.g. the broker's max message size times a factor)
     */
    public List<KafkaRecord> records(int maxDecompressedBytes) throws InvalidBatchException {
        CompressionType type = compressionType();
        if (type == null) {
            throw new InvalidBatchException(BatchStatus.UNSUPPORTED_COMPRESSION, "compression id " + compressionId());
        }
        ByteBuf section = buf.slice(HEADER_SIZE, buf.readableBytes() - HEADER_SIZE);
        long timestampOverride = timestampType() == TimestampType.LOG_APPEND_TIME ? maxTimestamp() : -1;
        if (type == CompressionType.NONE) {
            return RecordDecoder.decode(section, recordCount(), baseTimestamp(), timestampOverride);
        }
        ByteBuf plain = buf.alloc().heapBuffer(Math.min(maxDecompressedBytes, Math.max(256, section.readableBytes() * 4)));
        try {
            type.codec().decompress(section, plain, maxDecompressedBytes);
            return RecordDecoder.decode(plain, recordCount(), baseTimestamp(), timestampOverride);
        } finally {
            plain.release();
        }
    }

    /**
     * The records of an uncompressed CreateTime batch with their values left in place: each {@link
     * LocatedRecord#valueIndex()} counts from the batch's first byte (its base offset field). Checks as
     * {@link #records}.
     *
     * @throws IllegalStateException when the batch is compressed or LogAppendTime
     */
    public List<LocatedRecord> locatedRecords() throws InvalidBatchException {
        if (compressionId() != CompressionType.NONE.id() || timestampType() != TimestampType.CREATE_TIME) {
            throw new IllegalStateException("only an uncompressed CreateTime batch keeps its values in place");
        }
        // the records from HEADER_SIZE on, indexed as the batch is
        return RecordDecoder.locate(buf.duplicate().readerIndex(HEADER_SIZE), recordCount(), baseTimestamp(), -1);
    }

    private static InvalidBatchException invalid(String message) {
        return new InvalidBatchException(BatchStatus.INVALID_RECORD, message);
    }

    static int computeCrc(ByteBuf buf, int index, int length) {
        CRC32C crc = new CRC32C();
        if (buf.nioBufferCount() == 1) {
            crc.update(buf.nioBuffer(index, length));
        } else {
            for (ByteBuffer part : buf.nioBuffers(index, length)) {
                crc.update(part);
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public String toString() {
        return "RecordBatch[baseOffset=" + baseOffset() + ", records=" + recordCount() + ", bytes=" + sizeInBytes()
                + ", compression=" + compressionId() + "]";
    }
}
