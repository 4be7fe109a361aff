package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Reads one Kafka message (a request or response body, or a header) from a {@link ByteBuf} according to a
 * {@link Schema} at one version. Every length and count is checked against the bytes left before anything is
 * allocated, so a hostile or truncated frame ends in a {@link MalformedKafkaMessageException} naming the API, the
 * version and the field path, never in a large allocation or an {@code IndexOutOfBoundsException}.
 *
 * <p>RECORDS fields are returned as retained slices of the input (no copy); whoever holds the decoded
 * {@link Struct} releases them with {@link Struct#releaseBuffers()}. Not thread-safe: one reader per message.
 */
public final class MessageReader {
    private static final int MAX_DEPTH = 16;

    private final ByteBuf in;
    private final String message;
    private final short version;
    private final boolean flexible;
    private final String[] path;
    private int depth;

    /**
     * @param in       the bytes; reading starts at its reader index and advances it
     * @param message  what is being read, for error messages, e.g. {@code "Produce request"}
     * @param version  the message version, which decides which fields are present
     * @param flexible whether this version uses the compact encodings and tagged fields of KIP-482
     */
    public MessageReader(ByteBuf in, String message, short version, boolean flexible) {
        this(in, message, version, flexible, new String[MAX_DEPTH], 0);
    }

    private MessageReader(ByteBuf in, String message, short version, boolean flexible, String[] path, int depth) {
        this.in = in;
        this.message = message;
        this.version = version;
        this.flexible = flexible;
        this.path = path;
        this.depth = depth;
    }

    public short version() {
        return version;
    }

    public boolean flexible() {
        return flexible;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return in.readableBytes();
    }

    /** Reads a struct of this schema at this reader's version (its fields, then its tagged fields if flexible). */
    public Struct readStruct(Schema schema) {
        Struct struct = new Struct(schema);
        int depthBefore = depth;
        try {
            for (Field<?> field : schema.inlineFields(version)) {
                enter(field.name());
                struct.setRaw(field, field.read(this, version));
                leave();
            }
            if (flexible) {
                readTaggedFields(schema, struct);
            }
        } catch (RuntimeException e) {
            depth = depthBefore;
            struct.releaseBuffers(); // records already sliced off the frame must not leak
            throw e;
        }
        return struct;
    }

    private void readTaggedFields(Schema schema, Struct struct) {
        int count = readUnsignedVarint();
        int previousTag = -1;
        for (int i = 0; i < count; i++) {
            int tag = readUnsignedVarint();
            if (tag <= previousTag) {
                throw malformed("tagged field " + tag + " out of ascending order after " + previousTag);
            }
            previousTag = tag;
            int size = readUnsignedVarint();
            need(size, "tagged field " + tag);
            Field<?> field = schema.taggedField(tag, version);
            if (field == null) {
                in.skipBytes(size); // unknown tags are allowed by the protocol; newer clients add them
                continue;
            }
            MessageReader value = new MessageReader(in.readSlice(size), message, version, true, path, depth);
            value.enter(field.name());
            struct.setRaw(field, field.read(value, version));
            if (value.remaining() != 0) {
                throw value.malformed(value.remaining() + " bytes left over inside the tagged field");
            }
        }
    }

    /** Fails if anything follows the message: a sign of a wrong version or a client bug. */
    public void expectEnd() {
        if (in.isReadable()) {
            throw malformed(in.readableBytes() + " unexpected bytes after the last field");
        }
    }

    void enter(String field) {
        if (depth == path.length) {
            throw malformed("structs nested too deep");
        }
        path[depth++] = field;
    }

    void leave() {
        depth--;
    }

    public byte readInt8() {
        need(1, "int8");
        return in.readByte();
    }

    public short readInt16() {
        need(2, "int16");
        return in.readShort();
    }

    public int readInt32() {
        need(4, "int32");
        return in.readInt();
    }

    public long readInt64() {
        need(8, "int64");
        return in.readLong();
    }

    public int readUnsignedInt16() {
        need(2, "uint16");
        return in.readUnsignedShort();
    }

    public long readUnsignedInt32() {
        need(4, "uint32");
        return in.readUnsignedInt();
    }

    public double readFloat64() {
        need(8, "float64");
        return in.readDouble();
    }

    /** LEB128 without zigzag, at most 5 bytes (Kafka's UNSIGNED_VARINT). */
    public int readUnsignedVarint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            need(1, "unsigned varint");
            byte b = in.readByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw malformed("unsigned varint longer than 5 bytes");
    }

    /**
     * Reads a length or count prefix: int16 or int32 in classic versions, uvarint(n+1) in flexible ones.
     * Returns -1 for null, which is only accepted when {@code nullable}.
     */
    int readLength(boolean int16Classic, boolean nullable, String what) {
        int length;
        if (flexible) {
            length = readUnsignedVarint() - 1;
        } else {
            length = int16Classic ? readInt16() : readInt32();
        }
        if (length < -1) {
            throw malformed("negative " + what + " length " + length);
        }
        if (length == -1 && !nullable) {
            throw malformed("null " + what + " in a non-nullable field");
        }
        return length;
    }

    String readUtf8(int length) {
        need(length, "string");
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    byte[] readByteArray(int length) {
        need(length, "bytes");
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    ByteBuf readRetainedSlice(int length) {
        need(length, "records");
        return in.readRetainedSlice(length);
    }

    /** Refuses a collection count the remaining bytes cannot hold (Kafka does the same check). */
    void checkCount(int count, int minBytesPerElement) {
        if ((long) count * minBytesPerElement > in.readableBytes() || count > in.readableBytes()) {
            throw malformed("array of " + count + " elements but only " + in.readableBytes() + " bytes left");
        }
    }

    private void need(int bytes, String what) {
        if (bytes > in.readableBytes()) {
            throw malformed("truncated: " + what + " needs " + bytes + " bytes, " + in.readableBytes() + " left");
        }
    }

    /** An exception naming the message, version and field path being read. */
    public MalformedKafkaMessageException malformed(String problem) {
        StringBuilder where = new StringBuilder(message).append(" v").append(version);
        if (depth > 0) {
            where.append(" field ");
            for (int i = 0; i < depth; i++) {
                where.append(i == 0 ? "" : ".").append(path[i]);
            }
        }
        return new MalformedKafkaMessageException(where.append(": ").append(problem).toString());
    }
}
