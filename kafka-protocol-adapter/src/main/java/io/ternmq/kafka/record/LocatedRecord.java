package io.ternmq.kafka.record;

import java.util.List;

/**
 * One record of an uncompressed batch with its value left in the batch: where it lies instead of a copy.
 *
 * @param timestamp   epoch ms, as in {@link KafkaRecord}
 * @param key         null or the key bytes (a copy)
 * @param valueIndex  where the value starts, as an index of the buffer the records were located in
 * @param valueLength its length; -1 for a null value (a tombstone)
 * @param headers     in wire order, duplicates kept
 */
public record LocatedRecord(long timestamp, byte[] key, int valueIndex, int valueLength, List<RecordHeader> headers) {

    public boolean valueIsNull() {
        return valueLength < 0;
    }
}
