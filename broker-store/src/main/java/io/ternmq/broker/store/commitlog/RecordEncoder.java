package io.ternmq.broker.store.commitlog;

import io.ternmq.broker.store.MessageDraft;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Writes one CommitLog record (an entry of one or more messages for one queue) into a reusable buffer. Used only
 * under the put lock, so one instance and one buffer serve all appends; not thread-safe.
 *
 * <p>Record layout, big-endian:
 * <pre>
 * offset size field
 *  0      4   totalSize        whole record, this field included
 *  4      4   magic            0x54524E01 (RECORD_MAGIC); 0x54524EFF marks the blank end of a segment
 *  8      4   crc              CRC32C over bytes [0,8) and [12,totalSize): header and every message
 * 12      8   commitLogOffset  position of this record in the CommitLog (checked on recovery)
 * 20      8   baseQueueOffset  queue offset of the first message; message i has baseQueueOffset + i
 * 28      8   storeTimestamp   epoch ms, never decreasing along the log
 * 36      4   queueId
 * 40      4   messageCount     n &gt;= 1
 * 44      4   entryFlags       bit 0: MULTI_TAGS, the messages carry different TAGS;
 *                              bit 1: ATTACHED_BATCH, the bodies are ranges of an attached batch
 * 48      2+t topic            u16 length + UTF-8
 *   .     2+h storeHost        u16 length + UTF-8 ("host:port")
 * with ATTACHED_BATCH only:
 *         4+a attached         i32 length + the batch as another protocol framed it (AttachedBatch)
 * then n times:
 *         4   messageSize      this message block, this field included
 *         8   bornTimestamp
 *         4   flag
 *         4   sysFlag
 *         4   reconsumeTimes
 *         2+b bornHost         u16 length + UTF-8
 *         2+p properties       u16 length + repeated [u16 keyLen][key][u16 valueLen][value], UTF-8
 *         4+s body             i32 length + bytes; with ATTACHED_BATCH: i32 length + i32 position of the
 *                              body's first byte in the record (inside the attached batch), no bytes
 * </pre>
 * The end of a segment that cannot hold the next record is filled by a blank marker
 * {@code [i32 remaining bytes][i32 BLANK_MAGIC]}; a record plus {@value #BLANK_SIZE} bytes always fits, so the
 * marker always has room. Zero-filled space has size 0 and magic 0, which never parses as a record.
 */
public final class RecordEncoder {
    public static final int RECORD_MAGIC = 0x54524E01;
    public static final int BLANK_MAGIC = 0x54524EFF;
    public static final int BLANK_SIZE = 8;
    public static final int MAX_PROPERTIES_BYTES = 32767;
    public static final int FLAG_MULTI_TAGS = 1;
    public static final int FLAG_ATTACHED_BATCH = 2;
    /** The body position field a message block with an attached body has instead of its body bytes. */
    public static final int BODY_START_BYTES = 4;

    static final int POS_TOTAL_SIZE = 0;
    static final int POS_MAGIC = 4;
    static final int POS_CRC = 8;
    static final int POS_COMMIT_LOG_OFFSET = 12;
    static final int POS_BASE_QUEUE_OFFSET = 20;
    static final int POS_STORE_TIMESTAMP = 28;
    static final int POS_QUEUE_ID = 36;
    static final int POS_MESSAGE_COUNT = 40;
    static final int POS_FLAGS = 44;
    static final int POS_TOPIC = 48;
    /** Header bytes before the variable-length topic and store host. */
    static final int HEADER_FIXED = 48;
    /** Fixed bytes of one message block (size, timestamps, flags, three length fields). */
    static final int MESSAGE_FIXED = 4 + 8 + 4 + 4 + 4 + 2 + 2 + 4;

    private final byte[] storeHostBytes;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);

    public RecordEncoder(byte[] storeHostBytes) {
        this.storeHostBytes = storeHostBytes.clone();
    }

    /**
     * @return a buffer positioned at 0 with the record's bytes up to its limit; valid until the next call
     */
    public ByteBuffer encode(PreparedEntry entry, long commitLogOffset, long baseQueueOffset, long storeTimestamp) {
        ByteBuffer b = bufferFor(entry.totalSize);
        encodeInto(b, entry, commitLogOffset, baseQueueOffset, storeTimestamp);
        b.flip();
        return b;
    }

    /**
     * Writes the record at {@code b}'s position, which ends up after it; {@code b} must have
     * {@code entry.totalSize()} bytes left.
     */
    void encodeInto(ByteBuffer b, PreparedEntry entry, long commitLogOffset, long baseQueueOffset,
                    long storeTimestamp) {
        int start = b.position();
        b.putInt(entry.totalSize).putInt(RECORD_MAGIC).putInt(0)
                .putLong(commitLogOffset).putLong(baseQueueOffset).putLong(storeTimestamp)
                .putInt(entry.queueId).putInt(entry.messages.size()).putInt(flags(entry))
                .putShort((short) entry.topicBytes.length).put(entry.topicBytes)
                .putShort((short) storeHostBytes.length).put(storeHostBytes);
        int attachedStart = -1;
        if (entry.attached != null) {
            attachedStart = b.position() + 4 - start;
            b.putInt(entry.attached.size()).put(entry.attached.bytes().duplicate());
            if (entry.attached.baseOffsetField() >= 0) {
                b.putLong(start + attachedStart + entry.attached.baseOffsetField(), baseQueueOffset);
            }
        }
        for (int i = 0; i < entry.messages.size(); i++) {
            MessageDraft m = entry.messages.get(i);
            byte[] props = entry.propertyBytes[i];
            b.putInt(entry.messageSize(i)).putLong(m.bornTimestamp()).putInt(m.flag()).putInt(m.sysFlag())
                    .putInt(m.reconsumeTimes())
                    .putShort((short) entry.bornHostBytes.length).put(entry.bornHostBytes)
                    .putShort((short) props.length).put(props);
            if (attachedStart < 0) {
                b.putInt(m.body().length).put(m.body());
            } else {
                b.putInt(entry.attached.bodyLengths()[i]).putInt(attachedStart + entry.attached.bodyStarts()[i]);
            }
        }
        int end = b.position();
        ByteBuffer record = b.duplicate().position(start).limit(end);
        b.putInt(start + POS_CRC, checksum(record, crc));
    }

    private static int flags(PreparedEntry entry) {
        return (entry.multiTags ? FLAG_MULTI_TAGS : 0) | (entry.attached != null ? FLAG_ATTACHED_BATCH : 0);
    }

    /** A blank end-of-segment marker covering {@code remaining} bytes. */
    public static ByteBuffer blank(int remaining) {
        return ByteBuffer.allocate(BLANK_SIZE).putInt(0, remaining).putInt(4, BLANK_MAGIC);
    }

    /** CRC32C over [0,8) and [12,limit) of a record that starts at {@code b.position()}. */
    static int checksum(ByteBuffer record, CRC32C crc) {
        crc.reset();
        int start = record.position();
        ByteBuffer view = record.duplicate();
        view.limit(start + POS_CRC);
        crc.update(view);
        view.limit(record.limit()).position(start + POS_CRC + 4);
        crc.update(view);
        return (int) crc.getValue();
    }

    private ByteBuffer bufferFor(int size) {
        if (buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(Math.max(size, buffer.capacity() * 2));
        }
        buffer.clear();
        return buffer;
    }
}
