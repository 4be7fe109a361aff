package io.ternmq.kafka.mapping;

import java.util.Optional;

/**
 * The idempotence fields of a Kafka record batch, kept in the store so the producer state can be rebuilt from the log
 * after a crash (as Kafka rebuilds it from its batch headers). Stored as the reserved property
 * {@link KafkaPropertyNames#PRODUCER_BATCH} on the first message of the batch only, value
 * {@code producerId:epoch:firstSeq:lastSeq:recordCount} in decimal; the batch's messages are the {@code recordCount}
 * messages from that one on (one append request, consecutive queue offsets).
 *
 * @param recordCount messages the batch was stored as (its last offset is base + recordCount - 1)
 */
public record StoredBatchHeader(long producerId, short producerEpoch, int firstSeq, int lastSeq, int recordCount) {

    public String toProperty() {
        return producerId + ":" + producerEpoch + ":" + firstSeq + ":" + lastSeq + ":" + recordCount;
    }

    /** The header a property value stands for; empty when it is not one this adapter wrote. */
    public static Optional<StoredBatchHeader> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] f = value.split(":", -1);
        if (f.length != 5) {
            return Optional.empty();
        }
        try {
            StoredBatchHeader header = new StoredBatchHeader(Long.parseLong(f[0]), Short.parseShort(f[1]),
                    Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]));
            return header.producerId() >= 0 && header.recordCount() > 0 ? Optional.of(header) : Optional.empty();
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
