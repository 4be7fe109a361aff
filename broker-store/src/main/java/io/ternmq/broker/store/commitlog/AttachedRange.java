package io.ternmq.broker.store.commitlog;

import java.nio.ByteBuffer;

/**
 * Where a record's attached batch lies ({@link RecordEncoder}, flag ATTACHED_BATCH), for checking that each message
 * body the record claims lies inside it. Positions are relative to the record's start.
 *
 * @param start first byte of the batch (after its length field)
 * @param end   one past its last byte
 */
public record AttachedRange(int start, int end) {
    /** A record without an attached batch. */
    public static final AttachedRange NONE = new AttachedRange(-1, -1);

    /**
     * Reads the length-prefixed batch at {@code b}'s position (which ends up after it).
     *
     * @param recordStart the record's first byte in {@code b}; {@code b}'s limit is the record's end
     */
    public static AttachedRange read(ByteBuffer b, int recordStart, long offset) throws CorruptRecordException {
        if (b.remaining() < 4) {
            throw new CorruptRecordException(offset, "attached batch length out of bounds");
        }
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new CorruptRecordException(offset, "attached batch of " + length + " bytes out of bounds");
        }
        int start = b.position() - recordStart;
        b.position(b.position() + length);
        return new AttachedRange(start, start + length);
    }

    /** @return {@code bodyStart}, once checked to lie with its {@code bodyLength} bytes inside the batch */
    public int checkBody(int bodyStart, int bodyLength, long offset) throws CorruptRecordException {
        if (bodyLength < 0 || bodyStart < start || bodyStart > end || bodyLength > end - bodyStart) {
            throw new CorruptRecordException(offset, "attached body [" + bodyStart + ", +" + bodyLength
                    + ") outside the batch [" + start + ", " + end + ")");
        }
        return bodyStart;
    }
}
