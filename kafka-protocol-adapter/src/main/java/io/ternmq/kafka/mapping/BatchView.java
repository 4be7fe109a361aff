package io.ternmq.kafka.mapping;

import io.ternmq.broker.store.read.StoredMessageBytes;
import io.ternmq.kafka.record.BatchCrcBuilder;
import io.ternmq.kafka.record.BatchSpec;
import io.ternmq.kafka.record.CompressionType;
import io.ternmq.kafka.record.RecordBatch;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The CRC of the record batch a fetch builds from the messages of one produced batch, computed once when the batch
 * is appended (the records are in cache then) and kept as the reserved property {@link
 * KafkaPropertyNames#BATCH_VIEW} on its first message. A fetch that returns those messages as one batch sends this
 * CRC instead of computing one over bytes it has just copied, and leaves the CommitLog record CRC unchecked: the
 * consumer checks the batch CRC, which was taken from what the producer sent, so damage in between is caught at the
 * consumer, end to end, as with Kafka's own stored batches.
 *
 * <p>The property also holds a fingerprint of the messages it describes (count, body and property bytes, first born
 * timestamp), so a copy of the first message (a retry, a dead letter, a delayed delivery: other records with other
 * properties) never passes for the original. Value: {@code "v1:"} then the CRC, count, body bytes, property bytes
 * (excluding this property's own entry) and first born timestamp as fixed-width hexadecimal, separated by colons.
 *
 * @param crc           the batch CRC (over attributes .. records, as in {@link RecordBatch})
 * @param count         messages covered, from the first one on
 * @param bodyBytes     their body bytes
 * @param propertyBytes their encoded property bytes, the first message's without this property's entry
 * @param firstBorn     the first message's born timestamp (the batch's base timestamp)
 */
public record BatchView(int crc, int count, long bodyBytes, long propertyBytes, long firstBorn) {
    private static final String VERSION = "v1";
    private static final HexFormat HEX = HexFormat.of();
    /** Length of a value: "v1" and five fields of 8, 8, 16, 16, 16 hex digits, with colons. */
    private static final int VALUE_LENGTH = 2 + 5 + 8 + 8 + 16 + 16 + 16;
    /** Bytes the property adds to its message's encoded properties (u16 + name + u16 + value). */
    static final int ENTRY_BYTES = 4 + KafkaPropertyNames.BATCH_VIEW.length() + VALUE_LENGTH;

    public String toProperty() {
        return VERSION + ':' + HEX.toHexDigits(crc) + ':' + HEX.toHexDigits(count) + ':' + HEX.toHexDigits(bodyBytes)
                + ':' + HEX.toHexDigits(propertyBytes) + ':' + HEX.toHexDigits(firstBorn);
    }

    /** The view a property value stands for; null when it is absent, malformed or of another version. */
    public static BatchView parse(String value) {
        if (value == null || value.length() != VALUE_LENGTH || !value.startsWith(VERSION + ':')) {
            return null;
        }
        try {
            int pos = VERSION.length() + 1;
            int crc = HexFormat.fromHexDigits(value, pos, pos + 8);
            int count = HexFormat.fromHexDigits(value, pos + 9, pos + 17);
            long body = HexFormat.fromHexDigitsToLong(value, pos + 18, pos + 34);
            long props = HexFormat.fromHexDigitsToLong(value, pos + 35, pos + 51);
            long born = HexFormat.fromHexDigitsToLong(value, pos + 52, pos + 68);
            return count > 0 ? new BatchView(crc, count, body, props, born) : null;
        } catch (IllegalArgumentException notOurs) { // not hex digits
            return null;
        }
    }

    /**
     * The view of messages about to be appended: the CRC of the batch {@link StoredToBatches} will build from them.
     *
     * @param properties each message's properties as they will be stored (without this property)
     */
    static BatchView of(List<Map<String, String>> properties, List<byte[]> bodies, List<Long> bornTimestamps) {
        long firstBorn = bornTimestamps.get(0);
        long maxBorn = -1; // as the batch writer
        for (long born : bornTimestamps) {
            maxBorn = Math.max(maxBorn, born);
        }
        // checksummed as it would be written, without writing it: the bodies are read once and not copied
        BatchCrcBuilder crc = new BatchCrcBuilder(BatchSpec.of(0, CompressionType.NONE), bodies.size(), firstBorn,
                maxBorn);
        long body = 0;
        long props = 0;
        for (int i = 0; i < bodies.size(); i++) {
            StoredToBatches.appendMessage(crc, properties.get(i), ByteBuffer.wrap(bodies.get(i)),
                    bornTimestamps.get(i));
            body += bodies.get(i).length;
            props += RecordsToDrafts.encodedSize(properties.get(i));
        }
        return new BatchView(crc.crc(), bodies.size(), body, props, firstBorn);
    }

    /**
     * Whether {@code messages} from {@code first} on hold the {@link #count} messages this view was computed for,
     * unchanged in size: the first message of their record and the ones after it, in one record.
     */
    boolean covers(List<StoredMessageBytes> messages, int first) {
        if (messages.size() - first < count) {
            return false;
        }
        StoredMessageBytes head = messages.get(first);
        if (head.index() != 0 || head.bornTimestamp() != firstBorn) {
            return false;
        }
        long body = 0;
        long props = -ENTRY_BYTES;
        for (int i = 0; i < count; i++) {
            StoredMessageBytes m = messages.get(first + i);
            if (m.commitLogOffset() != head.commitLogOffset() || m.index() != i) {
                return false;
            }
            body += m.bodyLength();
            props += m.propertiesLength();
        }
        return body == bodyBytes && props == propertyBytes;
    }
}
