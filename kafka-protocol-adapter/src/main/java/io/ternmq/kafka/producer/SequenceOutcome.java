package io.ternmq.kafka.producer;

/** How an idempotent batch is judged against the producer's state on its partition. */
public enum SequenceOutcome {
    /** In sequence (or from a producer with no state): appended. */
    APPEND(0),
    /**
     * Exactly a batch already appended or being appended (a retry): nothing is appended and the client gets NONE
     * with the original base offset and timestamp.
     */
    DUPLICATE(0),
    /** A gap or an old sequence that is no longer cached, or a new epoch not starting at 0. */
    OUT_OF_ORDER_SEQUENCE(45),
    /** An epoch older than the partition has seen: a zombie producer. */
    INVALID_PRODUCER_EPOCH(47);

    private final short errorCode;

    SequenceOutcome(int errorCode) {
        this.errorCode = (short) errorCode;
    }

    /** The Kafka error code of the partition's produce response. */
    public short errorCode() {
        return errorCode;
    }
}
