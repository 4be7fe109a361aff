package io.ternmq.kafka.codec;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A value of a {@link Schema}: one slot per field, read and written through the schema's typed {@link Field}
 * handles ({@code struct.get(ProduceApi.ACKS)}). A new struct holds every field's default, so fields absent at the
 * version a message was read in read as their defaults. Nested arrays are {@code List<Struct>}.
 *
 * <p>RECORDS values read from a frame are retained slices of it; {@link #releaseBuffers()} releases them (and those
 * of nested structs). Not thread-safe; hand a struct between threads through a safe publication.
 */
public final class Struct {
    private final Schema schema;
    private final Object[] values;

    public Struct(Schema schema) {
        this.schema = schema;
        List<Field<?>> fields = schema.fields();
        this.values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i).newDefault();
        }
    }

    public Schema schema() {
        return schema;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Field<T> field) {
        return (T) values[indexOf(field)];
    }

    /** Sets a field and returns this struct, for chaining. */
    public <T> Struct set(Field<T> field, T value) {
        values[indexOf(field)] = value;
        return this;
    }

    void setRaw(Field<?> field, Object value) {
        values[indexOf(field)] = value;
    }

    /** Whether the field holds its default value (tagged fields are only written when not). */
    public boolean isDefault(Field<?> field) {
        return field.isDefault(values[indexOf(field)]);
    }

    boolean isAllDefault() {
        for (Field<?> field : schema.fields()) {
            if (!isDefault(field)) {
                return false;
            }
        }
        return true;
    }

    /** Releases every RECORDS buffer held by this struct and its nested structs, and clears those fields. */
    public void releaseBuffers() {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof ByteBuf buf) {
                buf.release();
                values[i] = null;
            } else if (value instanceof Struct nested) {
                nested.releaseBuffers();
            } else if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof Struct nested) {
                        nested.releaseBuffers();
                    }
                }
            }
        }
    }

    private int indexOf(Field<?> field) {
        if (field.owner() != schema) {
            throw new IllegalArgumentException("field " + field.name() + " is not part of " + schema.name());
        }
        return field.index();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct other && other.schema == schema && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema.name(), Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(schema.name()).append('{');
        List<Field<?>> fields = schema.fields();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            sb.append(i == 0 ? "" : ", ").append(fields.get(i).name()).append('=');
            if (v instanceof byte[] b) {
                sb.append("bytes[").append(b.length).append(']');
            } else if (v instanceof ByteBuf buf) {
                sb.append("records[").append(buf.readableBytes()).append(']');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }
}
