package io.ternmq.kafka.mapping;

/** Outcome of turning a Kafka batch into broker messages. */
public enum MappingStatus {
    /** Every record became a message. */
    MAPPED,
    /**
     * A record's key and headers need more property bytes than the store allows per message (32767 B, encoded as
     * {@code [u16][key][u16][value]} pairs): answer {@code INVALID_RECORD} (87) for that record.
     */
    PROPERTIES_TOO_LARGE
}
