package io.ternmq.broker.store.commitlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Parses records written by {@link RecordEncoder}, checking every length against the record bounds before use so
 * that damaged bytes become a {@link CorruptRecordException}, never an out-of-bounds read or a bogus message.
 * Not thread-safe (holds a CRC instance); use one per thread.
 */
public final class RecordDecoder {
    private static final byte[] NO_BODY = new byte[0];
    private final CRC32C crc = new CRC32C();

    /**
     * @param record     buffer positioned at the record start, limit at (or after) its end
     * @param offset     the record's expected CommitLog offset
     * @param verifyCrc  false only for records this process has just written itself
     * @param withBodies false to skip copying bodies (dispatch needs only properties)
     */
    public DecodedRecord decode(ByteBuffer record, long offset, boolean verifyCrc, boolean withBodies)
            throws CorruptRecordException {
        ByteBuffer b = checked(record, offset, verifyCrc);
        try {
            return parse(b, b.position(), b.remaining(), offset, withBodies);
        } catch (RuntimeException e) {
            // BufferUnderflow or a negative length: structure does not hold together.
            throw new CorruptRecordException(offset, "malformed structure: " + e);
        }
    }

    /**
     * As {@link #decode} without bodies, with the same checks, filling in only what the dispatcher needs ({@link
     * DispatchFields}) instead of decoding the messages.
     */
    public void decodeForDispatch(ByteBuffer record, long offset, boolean verifyCrc, DispatchFields out)
            throws CorruptRecordException {
        ByteBuffer b = checked(record, offset, verifyCrc);
        try {
            DispatchParser.parse(b, b.position(), b.remaining(), offset, out);
        } catch (RuntimeException e) {
            throw new CorruptRecordException(offset, "malformed structure: " + e);
        }
    }

    /**
     * The record at {@code record}'s position with its size, magic, CRC (when asked), self-offset and header fields
     * checked: a duplicate positioned at its start, limited to its end.
     */
    private ByteBuffer checked(ByteBuffer record, long offset, boolean verifyCrc) throws CorruptRecordException {
        int start = record.position();
        int available = record.limit() - start;
        if (available < RecordEncoder.HEADER_FIXED + 4) {
            throw new CorruptRecordException(offset, "truncated header");
        }
        int total = record.getInt(start);
        if (record.getInt(start + RecordEncoder.POS_MAGIC) != RecordEncoder.RECORD_MAGIC) {
            throw new CorruptRecordException(offset, "bad magic");
        }
        if (total < RecordEncoder.HEADER_FIXED + 4 || total > available) {
            throw new CorruptRecordException(offset, "size " + total + " out of bounds");
        }
        ByteBuffer b = record.duplicate();
        b.limit(start + total);
        if (verifyCrc && RecordEncoder.checksum(b, crc) != b.getInt(start + RecordEncoder.POS_CRC)) {
            throw new CorruptRecordException(offset, "CRC mismatch");
        }
        if (b.getLong(start + RecordEncoder.POS_COMMIT_LOG_OFFSET) != offset) {
            throw new CorruptRecordException(offset, "record claims offset "
                    + b.getLong(start + RecordEncoder.POS_COMMIT_LOG_OFFSET));
        }
        int count = b.getInt(start + RecordEncoder.POS_MESSAGE_COUNT);
        if (count < 1 || count > total / RecordEncoder.MESSAGE_FIXED || b.getInt(start + RecordEncoder.POS_QUEUE_ID) < 0
                || b.getLong(start + RecordEncoder.POS_BASE_QUEUE_OFFSET) < 0) {
            throw new CorruptRecordException(offset, "bad header fields");
        }
        return b.position(start);
    }

    private static DecodedRecord parse(ByteBuffer b, int start, int total, long offset, boolean withBodies)
            throws CorruptRecordException {
        long baseQueueOffset = b.getLong(start + RecordEncoder.POS_BASE_QUEUE_OFFSET);
        long storeTimestamp = b.getLong(start + RecordEncoder.POS_STORE_TIMESTAMP);
        int queueId = b.getInt(start + RecordEncoder.POS_QUEUE_ID);
        int count = b.getInt(start + RecordEncoder.POS_MESSAGE_COUNT);
        int flags = b.getInt(start + RecordEncoder.POS_FLAGS);
        b.position(start + RecordEncoder.POS_TOPIC);
        String topic = string(b, Short.toUnsignedInt(b.getShort()));
        String storeHost = string(b, Short.toUnsignedInt(b.getShort()));
        AttachedRange attached = AttachedRange.NONE;
        if ((flags & RecordEncoder.FLAG_ATTACHED_BATCH) != 0) {
            attached = AttachedRange.read(b, start, offset);
        }
        List<DecodedMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int messageStart = b.position();
            int messageSize = b.getInt();
            long born = b.getLong();
            int flag = b.getInt();
            int sysFlag = b.getInt();
            int reconsume = b.getInt();
            String bornHost = string(b, Short.toUnsignedInt(b.getShort()));
            Map<String, String> properties = properties(b, Short.toUnsignedInt(b.getShort()));
            int bodyLength = b.getInt();
            byte[] body = NO_BODY;
            if (attached != AttachedRange.NONE) {
                int bodyStart = attached.checkBody(b.getInt(), bodyLength, offset);
                if (withBodies && bodyLength > 0) {
                    body = new byte[bodyLength];
                    b.get(start + bodyStart, body);
                }
            } else if (bodyLength < 0 || bodyLength > b.remaining()) {
                throw new CorruptRecordException(offset, "body length out of bounds");
            } else if (withBodies) {
                body = new byte[bodyLength];
                b.get(body);
            } else {
                b.position(b.position() + bodyLength);
            }
            if (b.position() - messageStart != messageSize) {
                throw new CorruptRecordException(offset, "message " + i + " size mismatch");
            }
            messages.add(new DecodedMessage(born, flag, sysFlag, reconsume, bornHost, properties, body));
        }
        if (b.position() != start + total) {
            throw new CorruptRecordException(offset, "trailing bytes in record");
        }
        return new DecodedRecord(offset, total, baseQueueOffset, storeTimestamp, topic, queueId, flags, storeHost,
                List.copyOf(messages));
    }

    private static String string(ByteBuffer b, int length) {
        if (length > b.remaining()) {
            throw new IllegalStateException("string length out of bounds");
        }
        if (!b.hasArray()) {
            byte[] out = new byte[length];
            b.get(out);
            return new String(out, StandardCharsets.UTF_8);
        }
        String s = new String(b.array(), b.arrayOffset() + b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }

    private static Map<String, String> properties(ByteBuffer b, int length) {
        if (length > b.remaining()) {
            throw new IllegalStateException("properties length out of bounds");
        }
        if (length == 0) {
            return Map.of();
        }
        int end = b.position() + length;
        Map<String, String> map = new HashMap<>();
        while (b.position() < end) {
            String key = string(b, Short.toUnsignedInt(b.getShort()));
            String value = string(b, Short.toUnsignedInt(b.getShort()));
            map.put(key, value);
        }
        if (b.position() != end) {
            throw new IllegalStateException("properties overrun");
        }
        return Map.copyOf(map);
    }
}
