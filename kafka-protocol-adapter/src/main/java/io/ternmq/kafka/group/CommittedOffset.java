package io.ternmq.kafka.group;

/** A committed group offset with the metadata string the client sent with it ("" when none). */
public record CommittedOffset(long offset, String metadata) {
    public CommittedOffset {
        metadata = metadata == null ? "" : metadata;
    }
}
