package io.ternmq.broker.store.commitlog;

import java.nio.ByteBuffer;

/**
 * Walks a record's structure as {@link RecordDecoder} does (every length checked against the record's bounds, the
 * same failures) and fills {@link DispatchFields} with what the dispatcher needs, reading the rest only to skip it.
 * Positions are absolute in the buffer; stateless.
 */
final class DispatchParser {
    /** size, bornTimestamp, flag, sysFlag, reconsumeTimes */
    private static final int MESSAGE_HEAD = 4 + 8 + 4 + 4 + 4;

    private DispatchParser() {
    }

    /** @param b the record from {@code start}, {@code total} bytes, its header checked by {@link RecordDecoder} */
    static void parse(ByteBuffer b, int start, int total, long offset, DispatchFields out)
            throws CorruptRecordException {
        long baseQueueOffset = b.getLong(start + RecordEncoder.POS_BASE_QUEUE_OFFSET);
        int queueId = b.getInt(start + RecordEncoder.POS_QUEUE_ID);
        int count = b.getInt(start + RecordEncoder.POS_MESSAGE_COUNT);
        int flags = b.getInt(start + RecordEncoder.POS_FLAGS);
        int end = start + total;
        int pos = start + RecordEncoder.POS_TOPIC;
        int topicLength = u16(b, pos, end, offset);
        out.topic(b, pos + 2, topicLength);
        pos = skip(b, pos + 2 + topicLength, end, offset); // store host
        AttachedRange attached = AttachedRange.NONE;
        if ((flags & RecordEncoder.FLAG_ATTACHED_BATCH) != 0) {
            attached = AttachedRange.read(b.position(pos), start, offset);
            pos = b.position();
        }
        out.startMessages(count);
        for (int i = 0; i < count; i++) {
            int messageStart = pos;
            if (pos + MESSAGE_HEAD > end) {
                throw new CorruptRecordException(offset, "message " + i + " out of bounds");
            }
            int messageSize = b.getInt(pos);
            pos = skip(b, pos + MESSAGE_HEAD, end, offset); // born host
            int propertiesLength = u16(b, pos, end, offset);
            properties(b, pos + 2, pos + 2 + propertiesLength, i, offset, out);
            pos += 2 + propertiesLength;
            if (pos + 4 > end) {
                throw new CorruptRecordException(offset, "body length out of bounds");
            }
            int bodyLength = b.getInt(pos);
            pos += 4;
            if (attached != AttachedRange.NONE) {
                if (pos + RecordEncoder.BODY_START_BYTES > end) {
                    throw new CorruptRecordException(offset, "body position out of bounds");
                }
                attached.checkBody(b.getInt(pos), bodyLength, offset);
                pos += RecordEncoder.BODY_START_BYTES;
            } else if (bodyLength < 0 || bodyLength > end - pos) {
                throw new CorruptRecordException(offset, "body length out of bounds");
            } else {
                pos += bodyLength;
            }
            if (pos - messageStart != messageSize) {
                throw new CorruptRecordException(offset, "message " + i + " size mismatch");
            }
        }
        if (pos != end) {
            throw new CorruptRecordException(offset, "trailing bytes in record");
        }
        out.commitLogOffset = offset;
        out.totalSize = total;
        out.baseQueueOffset = baseQueueOffset;
        out.storeTimestamp = b.getLong(start + RecordEncoder.POS_STORE_TIMESTAMP);
        out.queueId = queueId;
        out.flags = flags;
    }

    /** The property pairs in [pos, end): each checked, the ones the dispatcher needs kept. */
    private static void properties(ByteBuffer b, int pos, int end, int message, long offset, DispatchFields out)
            throws CorruptRecordException {
        while (pos < end) {
            int keyLength = u16(b, pos, end, offset);
            int valuePos = pos + 2 + keyLength;
            int valueLength = u16(b, valuePos, end, offset);
            out.property(message, b, pos + 2, keyLength, valuePos + 2, valueLength);
            pos = valuePos + 2 + valueLength;
        }
        if (pos != end) {
            throw new CorruptRecordException(offset, "properties overrun");
        }
    }

    /** The u16 length at {@code pos}, checked to fit with its bytes before {@code end}. */
    private static int u16(ByteBuffer b, int pos, int end, long offset) throws CorruptRecordException {
        if (pos + 2 > end) {
            throw new CorruptRecordException(offset, "length prefix out of bounds");
        }
        int length = Short.toUnsignedInt(b.getShort(pos));
        if (pos + 2 + length > end) {
            throw new CorruptRecordException(offset, "field out of bounds");
        }
        return length;
    }

    /** The position after the u16-prefixed field at {@code pos}. */
    private static int skip(ByteBuffer b, int pos, int end, long offset) throws CorruptRecordException {
        return pos + 2 + u16(b, pos, end, offset);
    }
}
