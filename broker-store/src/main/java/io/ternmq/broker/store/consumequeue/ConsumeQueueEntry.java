package io.ternmq.broker.store.consumequeue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One fixed-size ConsumeQueue entry: where a CommitLog entry (one message or a batch) of this queue sits.
 *
 * <p>Layout, {@value #SIZE} bytes, big-endian:
 * <pre>
 *  0  8  commitLogOffset
 *  8  4  size             record size in the CommitLog
 * 12  4  flags            bit 0: MULTI_TAGS (batch whose messages carry different tags)
 * 16  8  tagHash          {@code TagHash.of(TAGS)} of the first message
 * 24  8  baseQueueOffset  queue offset of the first message
 * 32  4  messageCount
 * 36  8  storeTimestamp   lets offsetForTimestamp binary-search without touching the CommitLog
 * 44  4  crc              CRC32C of bytes [0,44); a zero-filled or torn entry fails it
 * </pre>
 */
public record ConsumeQueueEntry(long commitLogOffset, int size, int flags, long tagHash, long baseQueueOffset,
                                int messageCount, long storeTimestamp) {
    public static final int SIZE = 48;
    public static final int FLAG_MULTI_TAGS = 1;

    public boolean multiTags() {
        return (flags & FLAG_MULTI_TAGS) != 0;
    }

    /** Queue offset after the last message of this entry. */
    public long endQueueOffset() {
        return baseQueueOffset + messageCount;
    }

    void writeTo(ByteBuffer b, CRC32C crc) {
        int start = b.position();
        b.putLong(commitLogOffset).putInt(size).putInt(flags).putLong(tagHash).putLong(baseQueueOffset)
                .putInt(messageCount).putLong(storeTimestamp);
        crc.reset();
        ByteBuffer view = b.duplicate();
        view.position(start).limit(start + 44);
        crc.update(view);
        b.putInt((int) crc.getValue());
    }

    /** @return the entry at the buffer's position, or null when it fails its CRC or is implausible */
    static ConsumeQueueEntry readFrom(ByteBuffer b, CRC32C crc) {
        int start = b.position();
        crc.reset();
        ByteBuffer view = b.duplicate();
        view.limit(start + 44);
        crc.update(view);
        if ((int) crc.getValue() != b.getInt(start + 44)) {
            return null;
        }
        ConsumeQueueEntry e = new ConsumeQueueEntry(b.getLong(start), b.getInt(start + 8), b.getInt(start + 12),
                b.getLong(start + 16), b.getLong(start + 24), b.getInt(start + 32), b.getLong(start + 36));
        b.position(start + SIZE);
        return e.size > 0 && e.messageCount > 0 && e.commitLogOffset >= 0 ? e : null;
    }
}
