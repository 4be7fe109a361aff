package io.ternmq.broker.store;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The bytes of an entry's messages as another protocol framed them (a Kafka record batch), stored once inside the
 * entry's CommitLog record so a reader of that protocol can send them as they are. The messages' bodies are not
 * stored again: each is a range of these bytes. The store does not interpret the bytes beyond one field: at
 * {@code baseOffsetField} (if not -1) it writes the entry's base queue offset as a big-endian 8-byte integer when the
 * record is written, the one value that is only known then.
 *
 * @param bytes           the framed batch, from its position to its limit (not copied; read while appending)
 * @param bodyStarts      per message, where its body starts, relative to the batch's first byte
 * @param bodyLengths     per message, its body length
 * @param baseOffsetField where the base queue offset goes, relative to the batch's first byte; -1 = nowhere
 */
public record AttachedBatch(ByteBuffer bytes, int[] bodyStarts, int[] bodyLengths, int baseOffsetField) {
    public AttachedBatch {
        Objects.requireNonNull(bytes, "bytes");
        if (bodyStarts.length != bodyLengths.length) {
            throw new IllegalArgumentException("one body start per body length");
        }
        int size = bytes.remaining();
        for (int i = 0; i < bodyStarts.length; i++) {
            if (bodyStarts[i] < 0 || bodyLengths[i] < 0 || (long) bodyStarts[i] + bodyLengths[i] > size) {
                throw new IllegalArgumentException("body " + i + " [" + bodyStarts[i] + ", +" + bodyLengths[i]
                        + ") is outside the " + size + " attached bytes");
            }
        }
        if (baseOffsetField != -1 && (baseOffsetField < 0 || (long) baseOffsetField + 8 > size)) {
            throw new IllegalArgumentException("base offset field " + baseOffsetField + " outside the batch");
        }
    }

    /** Bytes of the batch. */
    public int size() {
        return bytes.remaining();
    }

    /** Sum of the body lengths. */
    public long bodyBytes() {
        long sum = 0;
        for (int length : bodyLengths) {
            sum += length;
        }
        return sum;
    }
}
