package io.ternmq.kafka.producer;

/**
 * What an idempotent record batch says about itself (batch header fields): producer id and epoch, and the
 * sequence numbers of its first and last record ({@code lastSeq = firstSeq + lastOffsetDelta}, wrapping past
 * {@code Integer.MAX_VALUE} to 0).
 */
public record BatchSequence(long producerId, short producerEpoch, int firstSeq, int lastSeq) {
}
