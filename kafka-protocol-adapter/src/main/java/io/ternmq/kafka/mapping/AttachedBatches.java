package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.kafka.record.RecordBatch;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Fetch side of batches stored as they were produced ({@link RecordsToDrafts#toAttachedRequest}): the batch is
 * sent as it is. Its CRC, the producer's, covers everything from its attributes on, and the consumer checks it, so
 * damage to those bytes is caught end to end, as with Kafka's own stored batches; the fields before the CRC are
 * checked here against the stored record instead. Stateless.
 */
final class AttachedBatches {
    private static final System.Logger LOG = System.getLogger(AttachedBatches.class.getName());
    private static final int BASE_OFFSET = 0;
    private static final int BATCH_LENGTH = 8;
    private static final int MAGIC = 16;

    private AttachedBatches() {
    }

    /**
     * The batch {@code m}'s record was stored with, when it has one whose unchecked fields agree with the record;
     * else null (the caller rebuilds batches from the messages, checking the record CRC).
     */
    static ByteBuffer sendable(StoredMessageBytes m) {
        ByteBuffer batch = m.attachedBatch();
        if (batch == null) {
            return null;
        }
        int size = batch.remaining();
        long base = m.queueOffset() - m.index();
        if (size < RecordBatch.HEADER_SIZE || batch.getInt(BATCH_LENGTH) != size - RecordBatch.LOG_OVERHEAD
                || batch.get(MAGIC) != RecordBatch.CURRENT_MAGIC || batch.getLong(BASE_OFFSET) != base) {
            LOG.log(Level.WARNING, "attached batch of CommitLog record " + m.commitLogOffset()
                    + " does not match its record; rebuilding it from the messages");
            return null;
        }
        return batch;
    }

    /** Index of the first message after {@code i} that belongs to another record. */
    static int nextRecord(List<StoredMessageBytes> messages, int i) {
        long record = messages.get(i).commitLogOffset();
        int next = i + 1;
        while (next < messages.size() && messages.get(next).commitLogOffset() == record) {
            next++;
        }
        return next;
    }
}
