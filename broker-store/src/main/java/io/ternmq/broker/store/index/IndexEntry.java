package io.ternmq.broker.store.index;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One index item: a key hash pointing at one message.
 *
 * <p>Layout, {@value #SIZE} bytes, big-endian:
 * <pre>
 *  0  8  keyHash          {@link IndexKeys}
 *  8  8  commitLogOffset  of the record holding the message
 * 16  8  storeTimestamp
 * 24  8  previous         entry number of the previous item in the same hash slot, -1 if none
 * 32  4  indexInEntry     message index inside a batch record
 * 36  4  crc              CRC32C of bytes [0,36)
 * </pre>
 */
public record IndexEntry(long keyHash, long commitLogOffset, long storeTimestamp, long previous, int indexInEntry) {
    public static final int SIZE = 40;

    void writeTo(ByteBuffer b, CRC32C crc) {
        int start = b.position();
        b.putLong(keyHash).putLong(commitLogOffset).putLong(storeTimestamp).putLong(previous).putInt(indexInEntry);
        crc.reset();
        ByteBuffer view = b.duplicate();
        view.position(start).limit(start + 36);
        crc.update(view);
        b.putInt((int) crc.getValue());
    }

    static IndexEntry readFrom(ByteBuffer b, CRC32C crc) {
        int start = b.position();
        crc.reset();
        ByteBuffer view = b.duplicate();
        view.limit(start + 36);
        crc.update(view);
        if ((int) crc.getValue() != b.getInt(start + 36)) {
            return null;
        }
        b.position(start + SIZE);
        return new IndexEntry(b.getLong(start), b.getLong(start + 8), b.getLong(start + 16), b.getLong(start + 24),
                b.getInt(start + 32));
    }
}
