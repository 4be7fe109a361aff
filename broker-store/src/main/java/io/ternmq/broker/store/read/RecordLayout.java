package io.ternmq.broker.store.read;

import io.ternmq.broker.store.commitlog.AttachedRange;
import io.ternmq.broker.store.commitlog.CorruptRecordException;
import io.ternmq.broker.store.commitlog.RecordEncoder;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Verifies a CommitLog record (CRC, claimed offset, every length within bounds, as {@code RecordDecoder} does) and
 * finds where each message block starts, without decoding anything. Field positions follow {@link RecordEncoder}.
 * The CRC check may be left to the caller ({@link #crcMatches}); the structure is always checked, so no position
 * handed out points outside the record. Not thread-safe (holds a CRC instance); one per read.
 */
final class RecordLayout {
    static final int POS_COMMIT_LOG_OFFSET = 12;
    static final int POS_BASE_QUEUE_OFFSET = 20;
    static final int POS_STORE_TIMESTAMP = 28;
    static final int POS_QUEUE_ID = 36;
    static final int POS_MESSAGE_COUNT = 40;
    static final int POS_FLAGS = 44;
    static final int POS_TOPIC = 48;
    private static final int HEADER_FIXED = 48;
    private static final int MESSAGE_HEAD = 4 + 8 + 4 + 4 + 4; // size, born, flag, sysFlag, reconsume

    private final CRC32C crc = new CRC32C();
    private final boolean checkCrc;

    /** @param checkCrc whether {@link #forEachMessage} verifies the record CRC before handing out messages */
    RecordLayout(boolean checkCrc) {
        this.checkCrc = checkCrc;
    }

    /** Receives each message block of a verified record. */
    @FunctionalInterface
    interface MessageSink {
        /** @return false to stop */
        boolean accept(StoredMessageBytes message);
    }

    /**
     * @param record a buffer (heap, or a read-only view of the mapped CommitLog) holding exactly the record from its
     *               position to its limit; the messages handed out share a view of it and index it from 0
     * @param first  index of the first message to hand out (earlier ones are skipped)
     */
    void forEachMessage(ByteBuffer record, long offset, int first, MessageSink sink) throws CorruptRecordException {
        ByteBuffer b = record.slice();
        int total = b.remaining();
        if (total < HEADER_FIXED + 4 || b.getInt(0) != total || b.getInt(4) != RecordEncoder.RECORD_MAGIC) {
            throw new CorruptRecordException(offset, "bad size or magic");
        }
        if (checkCrc && !crcMatches(b, crc)) {
            throw new CorruptRecordException(offset, "CRC mismatch");
        }
        if (b.getLong(POS_COMMIT_LOG_OFFSET) != offset) {
            throw new CorruptRecordException(offset, "record claims offset " + b.getLong(POS_COMMIT_LOG_OFFSET));
        }
        long base = b.getLong(POS_BASE_QUEUE_OFFSET);
        int count = b.getInt(POS_MESSAGE_COUNT);
        if (count < 1 || base < 0) {
            throw new CorruptRecordException(offset, "bad header fields");
        }
        ByteBuffer view = b.asReadOnlyBuffer();
        int pos = POS_TOPIC;
        pos = skipShortPrefixed(b, pos, total, offset); // topic
        pos = skipShortPrefixed(b, pos, total, offset); // store host
        AttachedRange attached = AttachedRange.NONE;
        if ((b.getInt(POS_FLAGS) & RecordEncoder.FLAG_ATTACHED_BATCH) != 0) {
            attached = AttachedRange.read(b.position(pos), 0, offset);
            pos = attached.end();
        }
        int bodyFieldBytes = attached == AttachedRange.NONE ? 4 : 4 + RecordEncoder.BODY_START_BYTES;
        for (int i = 0; i < count; i++) {
            int messageStart = pos;
            if (pos + MESSAGE_HEAD > total) {
                throw new CorruptRecordException(offset, "message " + i + " out of bounds");
            }
            int size = b.getInt(pos);
            int bornHostPos = pos + MESSAGE_HEAD;
            int propertiesPos = skipShortPrefixed(b, bornHostPos, total, offset);
            int bodyPos = skipShortPrefixed(b, propertiesPos, total, offset);
            if (bodyPos + bodyFieldBytes > total) {
                throw new CorruptRecordException(offset, "body length out of bounds");
            }
            int bodyLength = b.getInt(bodyPos);
            int bodyStart = bodyPos + 4;
            int end = bodyStart + bodyLength;
            if (attached != AttachedRange.NONE) {
                bodyStart = attached.checkBody(b.getInt(bodyPos + 4), bodyLength, offset);
                end = bodyPos + bodyFieldBytes;
            }
            if (bodyLength < 0 || end > total || end - messageStart != size) {
                throw new CorruptRecordException(offset, "message " + i + " size mismatch");
            }
            if (i >= first && !sink.accept(new StoredMessageBytes(view, 0, messageStart,
                    bornHostPos, propertiesPos, bodyPos, bodyStart, attached, offset, i, base + i))) {
                return;
            }
            pos = end;
        }
        if (pos != total) {
            throw new CorruptRecordException(offset, "trailing bytes in record");
        }
    }

    /**
     * Whether the stored CRC of a record matches its bytes.
     *
     * @param record the record from index 0 to its limit, its size field already checked
     * @param crc    a CRC instance to use (reset here)
     */
    static boolean crcMatches(ByteBuffer record, CRC32C crc) {
        int total = record.getInt(0);
        crc.reset();
        crc.update(record.slice(0, 8));
        crc.update(record.slice(12, total - 12));
        return (int) crc.getValue() == record.getInt(8);
    }

    private static int skipShortPrefixed(ByteBuffer b, int pos, int total, long offset)
            throws CorruptRecordException {
        if (pos + 2 > total) {
            throw new CorruptRecordException(offset, "length prefix out of bounds");
        }
        int end = pos + 2 + Short.toUnsignedInt(b.getShort(pos));
        if (end > total) {
            throw new CorruptRecordException(offset, "field out of bounds");
        }
        return end;
    }
}
