package io.ternmq.kafka.record;

import io.netty.buffer.ByteBuf;

/**
 * Walks the batches of a RECORDS field: zero or more complete batches, possibly followed by the start of a batch
 * cut off by a size limit (fetch responses end like that). Does not move the given buffer's indexes and does not
 * retain it; batches are views into it.
 *
 * <p>A batch is complete when its 12-byte prefix and the {@code batchLength} bytes it announces are all present.
 * Before that a batch must show magic 2 ({@link BatchStatus#UNSUPPORTED_MAGIC} otherwise, once byte 16 is there)
 * and a {@code batchLength} of at least the v2 header ({@link BatchStatus#CORRUPT} otherwise).
 *
 * <p>Not thread-safe.
 */
public final class RecordBatchReader {
    private final ByteBuf records;
    private int position;

    /** @param records the RECORDS bytes: from its reader index to its writer index */
    public RecordBatchReader(ByteBuf records) {
        this.records = records.slice();
    }

    /**
     * The next complete batch, or null when none is left (then {@link #remainingBytes()} is the size of a
     * cut-off trailing batch, 0 if there is none).
     */
    public RecordBatch next() throws InvalidBatchException {
        int remaining = records.writerIndex() - position;
        if (remaining < RecordBatch.LOG_OVERHEAD) {
            return null;
        }
        if (remaining > RecordBatch.MAGIC) {
            byte magic = records.getByte(position + RecordBatch.MAGIC);
            if (magic != RecordBatch.CURRENT_MAGIC) {
                throw new InvalidBatchException(BatchStatus.UNSUPPORTED_MAGIC,
                        "batch at byte " + position + " has magic " + magic + ", only 2 is supported");
            }
        }
        int batchLength = records.getInt(position + RecordBatch.BATCH_LENGTH);
        if (batchLength < RecordBatch.HEADER_SIZE - RecordBatch.LOG_OVERHEAD) {
            throw new InvalidBatchException(BatchStatus.CORRUPT,
                    "batch at byte " + position + " claims length " + batchLength);
        }
        if (batchLength > remaining - RecordBatch.LOG_OVERHEAD) {
            return null;
        }
        int size = RecordBatch.LOG_OVERHEAD + batchLength;
        RecordBatch batch = new RecordBatch(records.slice(position, size));
        position += size;
        return batch;
    }

    /** Bytes after the last batch returned; once {@link #next()} gave null, those of a cut-off batch. */
    public int remainingBytes() {
        return records.writerIndex() - position;
    }

    /**
     * The one batch of a partition's Produce data (requests v3+ carry exactly one), checked with
     * {@link RecordBatch#checkForProduce()}. No batch, a second batch or trailing bytes are refused.
     */
    public static RecordBatch readProduceBatch(ByteBuf records) throws InvalidBatchException {
        RecordBatchReader reader = new RecordBatchReader(records);
        RecordBatch batch = reader.next();
        if (batch == null) {
            throw new InvalidBatchException(reader.remainingBytes() == 0 ? BatchStatus.INVALID_RECORD : BatchStatus.CORRUPT,
                    reader.remainingBytes() == 0 ? "no record batch" : "truncated record batch");
        }
        if (reader.remainingBytes() != 0) {
            throw new InvalidBatchException(BatchStatus.INVALID_RECORD,
                    "produce data must hold exactly one batch; " + reader.remainingBytes() + " bytes follow it");
        }
        batch.checkForProduce();
        return batch;
    }
}
