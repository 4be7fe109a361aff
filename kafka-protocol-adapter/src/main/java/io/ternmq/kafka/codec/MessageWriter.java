package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Kafka messages into Netty buffers in one pass. Fixed-size fields and strings go into a growing buffer; a
 * RECORDS field is not copied: the buffer written so far and a retained slice of the records become components of a
 * {@link CompositeByteBuf}, so a fetch response carries the stored record bytes as they are. Tagged fields are
 * written to a small scratch buffer first because their size precedes them.
 *
 * <p>The writer retains the record buffers it links; the caller keeps (and later releases) its own references.
 * Not thread-safe: one writer per message.
 */
public final class MessageWriter {
    private static final int INITIAL_CAPACITY = 256;

    private final ByteBufAllocator alloc;
    private final String message;
    private final short version;
    private final boolean flexible;
    private final List<ByteBuf> components = new ArrayList<>(2);
    private ByteBuf current;

    public MessageWriter(ByteBufAllocator alloc, String message, short version, boolean flexible) {
        this.alloc = alloc;
        this.message = message;
        this.version = version;
        this.flexible = flexible;
        this.current = alloc.buffer(INITIAL_CAPACITY);
    }

    public short version() {
        return version;
    }

    public boolean flexible() {
        return flexible;
    }

    /**
     * The bytes written, as one buffer (a composite when records were linked). The writer must not be used after.
     */
    public ByteBuf finish() {
        if (components.isEmpty()) {
            return current;
        }
        components.add(current);
        CompositeByteBuf out = alloc.compositeBuffer(components.size());
        out.addComponents(true, components);
        components.clear();
        current = null;
        return out;
    }

    /** Frees what was written, for when encoding fails half-way. */
    void discard() {
        components.forEach(ByteBuf::release);
        components.clear();
        if (current != null) {
            current.release();
            current = null;
        }
    }

    /** Writes the fields of a struct present at this version, then its tagged fields if flexible. */
    public void writeStruct(Struct struct) {
        Schema schema = struct.schema();
        for (Field<?> field : schema.inlineFields(version)) {
            writeField(field, struct);
        }
        if (flexible) {
            writeTaggedFields(schema, struct);
        }
    }

    private <T> void writeField(Field<T> field, Struct struct) {
        field.write(this, struct.get(field), version, message);
    }

    private void writeTaggedFields(Schema schema, Struct struct) {
        List<Field<?>> tagged = schema.taggedFields(version);
        int present = 0;
        for (Field<?> field : tagged) {
            if (!struct.isDefault(field)) {
                present++;
            }
        }
        writeUnsignedVarint(present);
        for (Field<?> field : tagged) {
            if (struct.isDefault(field)) {
                continue;
            }
            MessageWriter scratch = new MessageWriter(alloc, message, version, true);
            ByteBuf value = null;
            try {
                scratch.writeField(field, struct);
                value = scratch.finish();
            } catch (RuntimeException e) {
                scratch.discard();
                throw e;
            }
            try {
                writeUnsignedVarint(field.tag());
                writeUnsignedVarint(value.readableBytes());
                current.writeBytes(value);
            } finally {
                value.release();
            }
        }
    }

    public void writeInt8(byte v) {
        current.writeByte(v);
    }

    public void writeInt16(short v) {
        current.writeShort(v);
    }

    public void writeInt32(int v) {
        current.writeInt(v);
    }

    public void writeInt64(long v) {
        current.writeLong(v);
    }

    public void writeFloat64(double v) {
        current.writeDouble(v);
    }

    /** LEB128 without zigzag (Kafka's UNSIGNED_VARINT). */
    public void writeUnsignedVarint(int v) {
        while ((v & 0xffffff80) != 0) {
            current.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        current.writeByte(v);
    }

    /** A length or count prefix: int16/int32 in classic versions, uvarint(n+1) in flexible ones; -1 is null. */
    void writeLength(int length, boolean int16Classic) {
        if (flexible) {
            writeUnsignedVarint(length + 1);
        } else if (int16Classic) {
            current.writeShort(length);
        } else {
            current.writeInt(length);
        }
    }

    void writeString(String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > Short.MAX_VALUE) {
            throw new IllegalArgumentException(message + " v" + version + ": string of " + length
                    + " bytes is longer than " + Short.MAX_VALUE);
        }
        writeLength(length, true);
        ByteBufUtil.reserveAndWriteUtf8(current, s, length);
    }

    void writeByteArray(byte[] bytes) {
        current.writeBytes(bytes);
    }

    /** Links the readable bytes of {@code records} without copying them. */
    void linkRecords(ByteBuf records) {
        if (!records.isReadable()) {
            return;
        }
        components.add(current);
        components.add(records.retainedSlice());
        current = alloc.buffer(INITIAL_CAPACITY);
    }
}
