package io.ternmq.kafka.record;

import java.nio.ByteBuffer;
import java.util.List;

/** Takes the records of one batch in order: a {@link RecordBatchWriter}, or a {@link BatchCrcBuilder}. */
public interface RecordAppender {
    /**
     * Appends a record whose key is an array region and whose value is a buffer's remaining bytes (consumed);
     * a key length of -1 or a null value means null.
     */
    RecordAppender append(long timestamp, byte[] keyArray, int keyOffset, int keyLength, ByteBuffer value,
                          List<RecordHeader> headers);
}
