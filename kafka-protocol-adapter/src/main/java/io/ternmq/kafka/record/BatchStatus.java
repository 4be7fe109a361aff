package io.ternmq.kafka.record;

/**
 * Why a record batch was refused. The Kafka error each one should be answered with is named here so the server
 * can map it in its one error table; this package does not depend on the codec's error enum.
 */
public enum BatchStatus {
    /** CRC mismatch, lengths that do not add up, malformed records or compressed data: {@code CORRUPT_MESSAGE} (2). */
    CORRUPT,
    /** Magic is not 2 (message format v0/v1 is not accepted): {@code INVALID_RECORD} (87). */
    UNSUPPORTED_MAGIC,
    /**
     * The header breaks a produce rule (record count, offset deltas, control batch from a client, sequence without
     * producer id, base offset not 0): {@code INVALID_RECORD} (87).
     */
    INVALID_RECORD,
    /** Compression id 5-7: {@code UNSUPPORTED_COMPRESSION_TYPE} (76). */
    UNSUPPORTED_COMPRESSION,
    /** The records decompress to more than the caller's limit (a decompression bomb): {@code MESSAGE_TOO_LARGE} (10). */
    DECOMPRESSED_TOO_LARGE
}
