package io.ternmq.kafka.group;

/**
 * The outcomes of group operations, each with its Kafka wire error code, so the handlers translate them to the
 * codec's error table in one place.
 */
public enum GroupError {
    NONE(0),
    UNKNOWN_SERVER_ERROR(-1),
    UNKNOWN_TOPIC_OR_PARTITION(3),
    OFFSET_METADATA_TOO_LARGE(12),
    /** The group is being deleted: retriable, the client looks the coordinator up again. */
    COORDINATOR_NOT_AVAILABLE(15),
    ILLEGAL_GENERATION(22),
    INCONSISTENT_GROUP_PROTOCOL(23),
    INVALID_GROUP_ID(24),
    UNKNOWN_MEMBER_ID(25),
    INVALID_SESSION_TIMEOUT(26),
    REBALANCE_IN_PROGRESS(27),
    NON_EMPTY_GROUP(68),
    GROUP_ID_NOT_FOUND(69),
    MEMBER_ID_REQUIRED(79),
    FENCED_INSTANCE_ID(82),
    GROUP_SUBSCRIBED_TO_TOPIC(86);

    private final short code;

    GroupError(int code) {
        this.code = (short) code;
    }

    /** The Kafka protocol error code. */
    public short code() {
        return code;
    }
}
