package io.ternmq.broker.offset;

/**
 * One committed offset with the client's metadata string (Kafka's OffsetCommit metadata; "" for native commits and
 * when the client sent none).
 */
public record CommittedPosition(long offset, String metadata) {
    public CommittedPosition {
        metadata = metadata == null ? "" : metadata;
    }
}
