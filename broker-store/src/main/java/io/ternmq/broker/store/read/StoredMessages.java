package io.ternmq.broker.store.read;

import io.ternmq.broker.store.StoredMessage;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.CorruptRecordException;
import io.ternmq.broker.store.commitlog.DecodedMessage;
import io.ternmq.broker.store.commitlog.DecodedRecord;
import io.ternmq.broker.store.commitlog.RecordDecoder;
import io.ternmq.broker.store.commitlog.RecordEncoder;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Turns CommitLog records into {@link StoredMessage}s. */
public final class StoredMessages {
    private StoredMessages() {
    }

    public static StoredMessage of(DecodedRecord r, int index) {
        DecodedMessage m = r.messages().get(index);
        return new StoredMessage(r.topic(), r.queueId(), r.baseQueueOffset() + index, r.commitLogOffset(),
                MessageIds.of(r.commitLogOffset(), index), r.storeTimestamp(), m.bornTimestamp(), m.bornHost(),
                r.storeHost(), m.flag(), m.sysFlag(), m.reconsumeTimes(), m.properties(), m.body());
    }

    /**
     * Reads and verifies one record.
     *
     * @param size the record size, or -1 to read it from the record's first field
     * @return the record, or null when it is gone (retention) or not there
     * @throws CorruptRecordException when it fails its CRC or structure checks
     */
    public static DecodedRecord read(CommitLog log, long offset, int size) throws CorruptRecordException {
        try {
            int length = size;
            if (length < 0) {
                ByteBuffer head = log.readRecord(offset, 8);
                if (head == null) {
                    return null;
                }
                length = head.getInt(0);
                if (head.getInt(4) != RecordEncoder.RECORD_MAGIC) {
                    throw new CorruptRecordException(offset, "no record starts here");
                }
                if (length <= 8 || offset + length > log.segmentEndOf(offset)) {
                    throw new CorruptRecordException(offset, "size " + length + " out of bounds");
                }
            }
            ByteBuffer record = log.readRecord(offset, length);
            return record == null ? null : new RecordDecoder().decode(record, offset, true, true);
        } catch (IOException e) {
            return null; // segment deleted by retention while reading
        }
    }
}
