package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One field of a {@link Schema}, and the typed handle used to get and set it on a {@link Struct}: an API class
 * declares {@code static final Field<Short> ACKS = Field.int16("Acks")} and handlers call
 * {@code request.get(ACKS)}. The facts mirror Kafka's JSON schemas: the versions the field exists in, the versions
 * it may be null in, its default (the value it reads as where it is absent, and the value a tagged field is left
 * out for), and for tagged fields the tag and the versions it is tagged in.
 *
 * <p>Configured with the chained setters while the API class initialises, then frozen when a {@link Schema} takes
 * it; a field belongs to exactly one schema. Thread-safe once frozen.
 *
 * @param <T> the Java type of the value
 */
public final class Field<T> {
    private final String name;
    private final FieldType<T> type;
    private VersionRange versions = VersionRange.ALL;
    private VersionRange nullableVersions = VersionRange.NONE;
    private VersionRange taggedVersions = VersionRange.NONE;
    private int tag = -1;
    private boolean hasDefault;
    private T defaultValue;
    private Schema owner;
    private int index;

    private Field(String name, FieldType<T> type) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
    }

    public static <T> Field<T> of(String name, FieldType<T> type) {
        return new Field<>(name, type);
    }

    public static Field<Byte> int8(String name) {
        return of(name, FieldType.INT8);
    }

    public static Field<Short> int16(String name) {
        return of(name, FieldType.INT16);
    }

    public static Field<Integer> int32(String name) {
        return of(name, FieldType.INT32);
    }

    public static Field<Long> int64(String name) {
        return of(name, FieldType.INT64);
    }

    public static Field<Integer> uint16(String name) {
        return of(name, FieldType.UINT16);
    }

    public static Field<Boolean> bool(String name) {
        return of(name, FieldType.BOOLEAN);
    }

    public static Field<Double> float64(String name) {
        return of(name, FieldType.FLOAT64);
    }

    public static Field<UUID> uuid(String name) {
        return of(name, FieldType.UUID);
    }

    public static Field<String> string(String name) {
        return of(name, FieldType.STRING);
    }

    public static Field<byte[]> bytes(String name) {
        return of(name, FieldType.BYTES);
    }

    public static Field<ByteBuf> records(String name) {
        return of(name, FieldType.RECORDS);
    }

    /** An array of structs; elements are {@link Struct}s of {@code element}. */
    public static Field<List<Struct>> array(String name, Schema element) {
        return of(name, FieldType.arrayOf(FieldType.struct(element)));
    }

    /** An array of primitives, e.g. {@code []int32}. */
    public static <E> Field<List<E>> arrayOf(String name, FieldType<E> element) {
        return of(name, FieldType.arrayOf(element));
    }

    /** A single nested struct. */
    public static Field<Struct> struct(String name, Schema schema) {
        return of(name, FieldType.struct(schema));
    }

    /** Present from {@code lowest} on (Kafka's {@code "versions": "n+"}). */
    public Field<T> versions(int lowest) {
        return versions(VersionRange.from(lowest));
    }

    /** Present in {@code lowest-highest}. */
    public Field<T> versions(int lowest, int highest) {
        return versions(VersionRange.between(lowest, highest));
    }

    public Field<T> versions(VersionRange range) {
        checkNotFrozen();
        this.versions = range;
        return this;
    }

    /** May be null from {@code lowest} on. */
    public Field<T> nullable(int lowest) {
        return nullable(VersionRange.from(lowest));
    }

    public Field<T> nullable(VersionRange range) {
        checkNotFrozen();
        this.nullableVersions = range;
        return this;
    }

    /** The value it has where absent, when not the type's zero, empty string or empty array. */
    public Field<T> defaultValue(T value) {
        checkNotFrozen();
        this.hasDefault = true;
        this.defaultValue = value;
        return this;
    }

    /** A tagged field from {@code lowest} on: written after the regular fields, and only when not the default. */
    public Field<T> tagged(int tag, int lowest) {
        checkNotFrozen();
        if (tag < 0) {
            throw new IllegalArgumentException("negative tag " + tag);
        }
        this.tag = tag;
        this.taggedVersions = VersionRange.from(lowest);
        return this;
    }

    public String name() {
        return name;
    }

    public FieldType<T> type() {
        return type;
    }

    public VersionRange versions() {
        return versions;
    }

    public VersionRange nullableVersions() {
        return nullableVersions;
    }

    public VersionRange taggedVersions() {
        return taggedVersions;
    }

    /** The tag, or -1 for a regular field. */
    public int tag() {
        return tag;
    }

    /** The schema of the struct or struct-array elements this field holds, or null for primitives. */
    public Schema structSchema() {
        return type.structSchema();
    }

    /** A fresh default value (structs are mutable, so each caller gets its own). */
    T newDefault() {
        return hasDefault ? defaultValue : type.defaultValue();
    }

    boolean isDefault(Object value) {
        Object d = hasDefault ? defaultValue : type.defaultValue();
        if (value instanceof byte[] a && d instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        if (value instanceof List<?> list && d instanceof List<?> dl) {
            return list.equals(dl);
        }
        if (value instanceof Struct s) {
            return s.isAllDefault();
        }
        return Objects.equals(value, d);
    }

    T read(MessageReader in, short version) {
        return type.read(in, nullableVersions.contains(version));
    }

    void write(MessageWriter out, T value, short version, String message) {
        if (value != null) {
            type.write(out, value);
        } else if (nullableVersions.contains(version)) {
            type.writeNull(out);
        } else {
            throw new IllegalArgumentException(message + " v" + version + ": field " + name
                    + " is null but not nullable at this version");
        }
    }

    void bind(Schema schema, int index) {
        if (owner != null) {
            throw new IllegalStateException("field " + name + " already belongs to schema " + owner.name());
        }
        this.owner = schema;
        this.index = index;
    }

    Schema owner() {
        return owner;
    }

    int index() {
        return index;
    }

    private void checkNotFrozen() {
        if (owner != null) {
            throw new IllegalStateException("field " + name + " is part of schema " + owner.name());
        }
    }

    @Override
    public String toString() {
        return name + ":" + type + " v" + versions + (tag >= 0 ? " tag " + tag : "");
    }
}
