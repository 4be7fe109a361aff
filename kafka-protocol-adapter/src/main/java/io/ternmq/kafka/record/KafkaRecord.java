package io.ternmq.kafka.record;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One record of a batch, with its absolute timestamp. Its offset is implicit: the batch's base offset plus its
 * position (the reader checks that the stored offset delta agrees).
 *
 * @param timestamp epoch ms (CreateTime), or the batch's append time when the batch is LogAppendTime
 * @param key       null or the key bytes (not copied)
 * @param value     null (a tombstone) or the value bytes (not copied)
 * @param headers   in wire order, duplicates kept
 */
public record KafkaRecord(long timestamp, byte[] key, byte[] value, List<RecordHeader> headers) {
    public KafkaRecord {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    public static KafkaRecord of(long timestamp, byte[] key, byte[] value, RecordHeader... headers) {
        return new KafkaRecord(timestamp, key, value, List.of(headers));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaRecord r && timestamp == r.timestamp && Arrays.equals(key, r.key)
                && Arrays.equals(value, r.value) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, Arrays.hashCode(key), Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        return "KafkaRecord[ts=" + timestamp + ", key=" + (key == null ? "null" : key.length + "B") + ", value="
                + (value == null ? "null" : value.length + "B") + ", headers=" + headers + "]";
    }
}
