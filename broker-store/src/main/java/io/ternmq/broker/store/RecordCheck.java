package io.ternmq.broker.store;

import io.ternmq.broker.store.read.StoredMessageBytes;

/** When {@link MessageStore#readBytes} checks the CRC of the records it hands out. */
public enum RecordCheck {
    /** Every record's CRC is verified before any of its messages is returned; a damaged record ends the read. */
    ON_READ,
    /**
     * Records are checked for structure (sizes, offsets, bounds) only; the caller verifies each record it serves
     * with {@link StoredMessageBytes#recordCrcMatches()}, unless it sends a checksum that the reader checks end to
     * end (the Kafka port's batch checksum computed when the batch was appended).
     */
    BY_CALLER
}
