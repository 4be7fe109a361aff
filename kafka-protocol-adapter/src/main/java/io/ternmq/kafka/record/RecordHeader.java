package io.ternmq.kafka.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record header. Kafka keys are strings (UTF-8 on the wire); values are bytes and may be null.
 *
 * @param key   never null
 * @param value null or the bytes (not copied; treat as immutable)
 */
public record RecordHeader(String key, byte[] value) {
    public RecordHeader {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHeader h && key.equals(h.key) && Arrays.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + (value == null ? "null" : value.length + "B");
    }
}
