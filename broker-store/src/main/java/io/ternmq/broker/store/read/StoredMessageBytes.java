package io.ternmq.broker.store.read;

import io.ternmq.broker.store.commitlog.AttachedRange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One stored message as the bytes of its CRC-checked CommitLog record, so a protocol encoder can copy fields
 * straight into its output instead of decoding them into strings, maps and a body array and encoding them again.
 * Positions index {@link #record()} (absolute, from 0) and point at the field's length prefix; the layout is {@code RecordEncoder}'s:
 * {@code topic}, {@code storeHost}, {@code bornHost}: u16 length + UTF-8; {@code properties}: u16 byte length +
 * repeated [u16 keyLen][key][u16 valueLen][value]; {@code body}: i32 length + bytes, or i32 length + i32 position
 * in the attached batch ({@link #bodyStart()}).
 *
 * <p>The record is a read-only view of the stored bytes, usually of the mapped CommitLog segment itself (no copy
 * was made): read it with absolute gets or through {@link #slice}. Immutable; the view is shared by the messages of
 * one record.
 */
public final class StoredMessageBytes {
    private final ByteBuffer view;
    private final int recordStart;
    private final int messageStart;
    private final int bornHostPos;
    private final int propertiesPos;
    private final int bodyPos;
    private final int bodyStart;
    private final AttachedRange attached;
    private final long commitLogOffset;
    private final int index;
    private final long queueOffset;

    /** @param view the whole record, read-only, shared by the messages of the record */
    StoredMessageBytes(ByteBuffer view, int recordStart, int messageStart, int bornHostPos, int propertiesPos,
                       int bodyPos, int bodyStart, AttachedRange attached, long commitLogOffset, int index,
                       long queueOffset) {
        this.view = view;
        this.recordStart = recordStart;
        this.messageStart = messageStart;
        this.bornHostPos = bornHostPos;
        this.propertiesPos = propertiesPos;
        this.bodyPos = bodyPos;
        this.bodyStart = bodyStart;
        this.attached = attached;
        this.commitLogOffset = commitLogOffset;
        this.index = index;
        this.queueOffset = queueOffset;
    }

    /** The record, read-only; positions of this class index it absolutely (its own position is not used). */
    public ByteBuffer record() {
        return view;
    }

    /** A new read-only buffer over {@code length} bytes of the record at {@code pos}, e.g. to copy them out. */
    public ByteBuffer slice(int pos, int length) {
        return view.slice(pos, length);
    }

    public int topicPos() {
        return recordStart + RecordLayout.POS_TOPIC;
    }

    public int storeHostPos() {
        int topicPos = topicPos();
        return topicPos + 2 + Short.toUnsignedInt(view.getShort(topicPos));
    }

    public int queueId() {
        return view.getInt(recordStart + RecordLayout.POS_QUEUE_ID);
    }

    public long queueOffset() {
        return queueOffset;
    }

    public long commitLogOffset() {
        return commitLogOffset;
    }

    public String messageId() {
        return MessageIds.of(commitLogOffset, index);
    }

    public long storeTimestamp() {
        return view.getLong(recordStart + RecordLayout.POS_STORE_TIMESTAMP);
    }

    public long bornTimestamp() {
        return view.getLong(messageStart + 4);
    }

    public int flag() {
        return view.getInt(messageStart + 12);
    }

    public int sysFlag() {
        return view.getInt(messageStart + 16);
    }

    public int reconsumeTimes() {
        return view.getInt(messageStart + 20);
    }

    public int bornHostPos() {
        return bornHostPos;
    }

    public int propertiesPos() {
        return propertiesPos;
    }

    /** Byte length of the property pairs after the u16 prefix at {@link #propertiesPos()}. */
    public int propertiesLength() {
        return Short.toUnsignedInt(view.getShort(propertiesPos));
    }

    /** The properties decoded, for filters that look at them (SQL92, exact tags). */
    public Map<String, String> properties() {
        int length = propertiesLength();
        if (length == 0) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        int pos = propertiesPos + 2;
        int end = pos + length;
        while (pos < end) {
            int keyLength = Short.toUnsignedInt(view.getShort(pos));
            String key = utf8(pos + 2, keyLength);
            pos += 2 + keyLength;
            int valueLength = Short.toUnsignedInt(view.getShort(pos));
            out.put(key, utf8(pos + 2, valueLength));
            pos += 2 + valueLength;
        }
        return out;
    }

    private String utf8(int pos, int length) {
        byte[] bytes = new byte[length];
        view.get(pos, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Position of this message in its record: 0 for the first. */
    public int index() {
        return index;
    }

    /**
     * Whether the record this message belongs to matches its stored CRC, for readers that asked for {@code
     * RecordCheck.BY_CALLER}: check once per record (messages of one record share it) before serving any of it.
     */
    public boolean recordCrcMatches() {
        return RecordLayout.crcMatches(view.slice(recordStart, view.getInt(recordStart)), new CRC32C());
    }

    /**
     * Position of the body's fields: its i32 length, then either the body bytes or, when the record has an
     * {@link #attachedBatch() attached batch}, the i32 position of the body inside it.
     */
    public int bodyPos() {
        return bodyPos;
    }

    /** Position of the body's first byte: right after its length, or inside the attached batch. */
    public int bodyStart() {
        return bodyStart;
    }

    /** Whether the body bytes follow the body length directly (no attached batch). */
    public boolean bodyInline() {
        return attached == AttachedRange.NONE;
    }

    public int bodyLength() {
        return view.getInt(bodyPos);
    }

    /**
     * The batch the record's messages were produced as by another protocol (a Kafka record batch), stored once with
     * the entry; null when the record has none. Read-only view of the stored bytes, its base offset field set to the
     * entry's first queue offset. Like {@link #record()} it is not CRC-checked when the read left that to the caller:
     * a protocol that sends it as is relies on the batch's own checksum, which its receiver checks.
     */
    public ByteBuffer attachedBatch() {
        return attached == AttachedRange.NONE ? null : view.slice(recordStart + attached.start(),
                attached.end() - attached.start());
    }
}
