package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The wire types of Kafka's message schemas. A type knows both of its encodings: the classic one and the compact
 * one of flexible versions (KIP-482), chosen by the reader's or writer's version. Whether null is allowed is a
 * property of the field at a version, so it is passed in.
 *
 * <table>
 *   <tr><th>type</th><th>Java value</th><th>classic</th><th>flexible</th></tr>
 *   <tr><td>INT8..INT64, FLOAT64</td><td>Byte..Long, Double</td><td colspan="2">big-endian, fixed size</td></tr>
 *   <tr><td>UINT16, UINT32</td><td>Integer, Long</td><td colspan="2">big-endian, fixed size</td></tr>
 *   <tr><td>BOOLEAN</td><td>Boolean</td><td colspan="2">one byte, 0 or 1 (any non-zero reads as true)</td></tr>
 *   <tr><td>UUID</td><td>{@link UUID}</td><td colspan="2">16 bytes, most significant long first</td></tr>
 *   <tr><td>STRING</td><td>String</td><td>int16 length (-1 null) + UTF-8</td><td>uvarint(length+1), 0 null</td></tr>
 *   <tr><td>BYTES</td><td>byte[]</td><td>int32 length (-1 null)</td><td>uvarint(length+1)</td></tr>
 *   <tr><td>RECORDS</td><td>{@link ByteBuf}</td><td>int32 length (-1 null)</td><td>uvarint(length+1)</td></tr>
 *   <tr><td>array</td><td>{@code List<E>}</td><td>int32 count (-1 null)</td><td>uvarint(count+1)</td></tr>
 *   <tr><td>struct</td><td>{@link Struct}</td><td colspan="2">its fields inline (then its tagged fields)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the Java type of values
 */
public abstract class FieldType<T> {
    private static final UUID ZERO_UUID = new UUID(0, 0);
    private static final byte[] NO_BYTES = new byte[0];

    public static final FieldType<Byte> INT8 = new Fixed<>("int8", (byte) 0, 1) {
        @Override Byte readValue(MessageReader in) { return in.readInt8(); }
        @Override void writeValue(MessageWriter out, Byte v) { out.writeInt8(v); }
    };
    public static final FieldType<Short> INT16 = new Fixed<>("int16", (short) 0, 2) {
        @Override Short readValue(MessageReader in) { return in.readInt16(); }
        @Override void writeValue(MessageWriter out, Short v) { out.writeInt16(v); }
    };
    public static final FieldType<Integer> INT32 = new Fixed<>("int32", 0, 4) {
        @Override Integer readValue(MessageReader in) { return in.readInt32(); }
        @Override void writeValue(MessageWriter out, Integer v) { out.writeInt32(v); }
    };
    public static final FieldType<Long> INT64 = new Fixed<>("int64", 0L, 8) {
        @Override Long readValue(MessageReader in) { return in.readInt64(); }
        @Override void writeValue(MessageWriter out, Long v) { out.writeInt64(v); }
    };
    public static final FieldType<Integer> UINT16 = new Fixed<>("uint16", 0, 2) {
        @Override Integer readValue(MessageReader in) { return in.readUnsignedInt16(); }
        @Override void writeValue(MessageWriter out, Integer v) { out.writeInt16(v.shortValue()); }
    };
    public static final FieldType<Long> UINT32 = new Fixed<>("uint32", 0L, 4) {
        @Override Long readValue(MessageReader in) { return in.readUnsignedInt32(); }
        @Override void writeValue(MessageWriter out, Long v) { out.writeInt32(v.intValue()); }
    };
    public static final FieldType<Boolean> BOOLEAN = new Fixed<>("bool", false, 1) {
        @Override Boolean readValue(MessageReader in) { return in.readInt8() != 0; }
        @Override void writeValue(MessageWriter out, Boolean v) { out.writeInt8(v ? (byte) 1 : 0); }
    };
    public static final FieldType<Double> FLOAT64 = new Fixed<>("float64", 0.0, 8) {
        @Override Double readValue(MessageReader in) { return in.readFloat64(); }
        @Override void writeValue(MessageWriter out, Double v) { out.writeFloat64(v); }
    };
    public static final FieldType<UUID> UUID = new Fixed<>("uuid", ZERO_UUID, 16) {
        @Override java.util.UUID readValue(MessageReader in) {
            long most = in.readInt64();
            return new java.util.UUID(most, in.readInt64());
        }
        @Override void writeValue(MessageWriter out, java.util.UUID v) {
            out.writeInt64(v.getMostSignificantBits());
            out.writeInt64(v.getLeastSignificantBits());
        }
    };

    public static final FieldType<String> STRING = new FieldType<>("string") {
        @Override String read(MessageReader in, boolean nullable) {
            int length = in.readLength(true, nullable, "string");
            return length < 0 ? null : in.readUtf8(length);
        }
        @Override void write(MessageWriter out, String v) { out.writeString(v); }
        @Override void writeNull(MessageWriter out) { out.writeLength(-1, true); }
        @Override String defaultValue() { return ""; }
    };

    public static final FieldType<byte[]> BYTES = new FieldType<>("bytes") {
        @Override byte[] read(MessageReader in, boolean nullable) {
            int length = in.readLength(false, nullable, "bytes");
            return length < 0 ? null : in.readByteArray(length);
        }
        @Override void write(MessageWriter out, byte[] v) {
            out.writeLength(v.length, false);
            out.writeByteArray(v);
        }
        @Override void writeNull(MessageWriter out) { out.writeLength(-1, false); }
        @Override byte[] defaultValue() { return NO_BYTES; }
    };

    /** A record batch set, kept as bytes: read as a retained slice of the frame, written without a copy. */
    public static final FieldType<ByteBuf> RECORDS = new FieldType<>("records") {
        @Override ByteBuf read(MessageReader in, boolean nullable) {
            int length = in.readLength(false, nullable, "records");
            return length < 0 ? null : in.readRetainedSlice(length);
        }
        @Override void write(MessageWriter out, ByteBuf v) {
            out.writeLength(v.readableBytes(), false);
            out.linkRecords(v);
        }
        @Override void writeNull(MessageWriter out) { out.writeLength(-1, false); }
        @Override ByteBuf defaultValue() { return null; }
    };

    /** An array of {@code element}, each element non-null. */
    public static <E> FieldType<List<E>> arrayOf(FieldType<E> element) {
        return new ArrayType<>(element);
    }

    /** A struct of {@code schema}, written inline. */
    public static FieldType<Struct> struct(Schema schema) {
        return new StructType(schema);
    }

    private final String name;

    private FieldType(String name) {
        this.name = name;
    }

    /** Reads a value; null only if {@code nullable} and the wire says so. */
    abstract T read(MessageReader in, boolean nullable);

    /** Writes a non-null value. */
    abstract void write(MessageWriter out, T value);

    /** Writes null; only called when the field is nullable at the version. */
    abstract void writeNull(MessageWriter out);

    /** The value of a field that is absent at a version and has no declared default. */
    abstract T defaultValue();

    /** The element schema of a struct or struct array type, else null. */
    Schema structSchema() {
        return null;
    }

    @Override
    public String toString() {
        return name;
    }

    private abstract static class Fixed<T> extends FieldType<T> {
        private final T zero;

        Fixed(String name, T zero, int size) {
            super(name);
            this.zero = zero;
        }

        abstract T readValue(MessageReader in);

        abstract void writeValue(MessageWriter out, T value);

        @Override
        final T read(MessageReader in, boolean nullable) {
            return readValue(in);
        }

        @Override
        final void write(MessageWriter out, T value) {
            writeValue(out, value);
        }

        @Override
        final void writeNull(MessageWriter out) {
            throw new IllegalStateException(this + " cannot be null");
        }

        @Override
        final T defaultValue() {
            return zero;
        }
    }

    private static final class ArrayType<E> extends FieldType<List<E>> {
        private final FieldType<E> element;

        ArrayType(FieldType<E> element) {
            super("[]" + element);
            this.element = element;
        }

        @Override
        List<E> read(MessageReader in, boolean nullable) {
            int count = in.readLength(false, nullable, "array");
            if (count < 0) {
                return null;
            }
            in.checkCount(count, 1);
            List<E> list = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    list.add(element.read(in, false));
                }
            } catch (RuntimeException e) {
                for (E done : list) {
                    if (done instanceof Struct struct) {
                        struct.releaseBuffers();
                    }
                }
                throw e;
            }
            return list;
        }

        @Override
        void write(MessageWriter out, List<E> list) {
            out.writeLength(list.size(), false);
            for (E e : list) {
                if (e == null) {
                    throw new IllegalArgumentException("null element in an array of " + element);
                }
                element.write(out, e);
            }
        }

        @Override
        void writeNull(MessageWriter out) {
            out.writeLength(-1, false);
        }

        @Override
        List<E> defaultValue() {
            return Collections.emptyList();
        }

        @Override
        Schema structSchema() {
            return element.structSchema();
        }
    }

    private static final class StructType extends FieldType<Struct> {
        private final Schema schema;

        StructType(Schema schema) {
            super(schema.name());
            this.schema = schema;
        }

        @Override
        Struct read(MessageReader in, boolean nullable) {
            return in.readStruct(schema);
        }

        @Override
        void write(MessageWriter out, Struct value) {
            if (value.schema() != schema) {
                throw new IllegalArgumentException("a " + value.schema().name() + " where a " + schema.name()
                        + " belongs");
            }
            out.writeStruct(value);
        }

        @Override
        void writeNull(MessageWriter out) {
            throw new IllegalStateException("struct " + schema.name() + " cannot be null");
        }

        @Override
        Struct defaultValue() {
            return new Struct(schema);
        }

        @Override
        Schema structSchema() {
            return schema;
        }
    }
}
