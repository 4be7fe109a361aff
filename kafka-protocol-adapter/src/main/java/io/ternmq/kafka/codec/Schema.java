package io.ternmq.kafka.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of one Kafka struct (a request or response body, or a nested array element) in wire order, each with
 * the versions it exists in. Regular fields are written in declaration order; in flexible versions the tagged
 * fields follow in ascending tag order. Immutable and thread-safe; the per-version field lists are computed once.
 */
public final class Schema {
    /** Versions whose field lists are precomputed; later versions are computed on demand. */
    private static final int CACHED_VERSIONS = 32;

    private final String name;
    private final List<Field<?>> fields;
    private final List<List<Field<?>>> inlineByVersion = new ArrayList<>(CACHED_VERSIONS);
    private final List<List<Field<?>>> taggedByVersion = new ArrayList<>(CACHED_VERSIONS);

    public Schema(String name, Field<?>... fields) {
        this.name = name;
        this.fields = List.of(fields);
        Set<Integer> tags = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.length; i++) {
            Field<?> field = fields[i];
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(name + ": duplicate field " + field.name());
            }
            if (field.tag() >= 0 && !tags.add(field.tag())) {
                throw new IllegalArgumentException(name + ": duplicate tag " + field.tag());
            }
            field.bind(this, i);
        }
        for (int v = 0; v < CACHED_VERSIONS; v++) {
            inlineByVersion.add(computeInline(v));
            taggedByVersion.add(computeTagged(v));
        }
    }

    public String name() {
        return name;
    }

    /** All fields, in declaration order, whatever their versions. */
    public List<Field<?>> fields() {
        return fields;
    }

    /** The regular (not tagged) fields present at {@code version}, in wire order. */
    public List<Field<?>> inlineFields(int version) {
        return version < CACHED_VERSIONS ? inlineByVersion.get(version) : computeInline(version);
    }

    /** The tagged fields at {@code version}, by ascending tag. */
    public List<Field<?>> taggedFields(int version) {
        return version < CACHED_VERSIONS ? taggedByVersion.get(version) : computeTagged(version);
    }

    /** The field with this tag at {@code version}, or null if the tag is unknown there. */
    Field<?> taggedField(int tag, int version) {
        for (Field<?> field : taggedFields(version)) {
            if (field.tag() == tag) {
                return field;
            }
        }
        return null;
    }

    private List<Field<?>> computeInline(int version) {
        List<Field<?>> present = new ArrayList<>();
        for (Field<?> field : fields) {
            if (field.versions().contains(version) && !field.taggedVersions().contains(version)) {
                present.add(field);
            }
        }
        return List.copyOf(present);
    }

    private List<Field<?>> computeTagged(int version) {
        List<Field<?>> present = new ArrayList<>();
        for (Field<?> field : fields) {
            if (field.versions().contains(version) && field.taggedVersions().contains(version)) {
                present.add(field);
            }
        }
        present.sort(Comparator.comparingInt(Field::tag));
        return List.copyOf(present);
    }

    @Override
    public String toString() {
        return name + fields;
    }
}
