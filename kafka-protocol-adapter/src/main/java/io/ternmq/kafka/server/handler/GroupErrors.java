package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.group.GroupError;

/**
 * The one translation from the group coordinator's outcomes ({@link GroupError}) to the wire's error table
 * ({@link KafkaError}). The switch is exhaustive, so a new coordinator outcome does not compile until it is mapped.
 */
final class GroupErrors {
    private GroupErrors() {
    }

    static KafkaError toKafka(GroupError error) {
        return switch (error) {
            case NONE -> KafkaError.NONE;
            case UNKNOWN_SERVER_ERROR -> KafkaError.UNKNOWN_SERVER_ERROR;
            case UNKNOWN_TOPIC_OR_PARTITION -> KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
            case OFFSET_METADATA_TOO_LARGE -> KafkaError.OFFSET_METADATA_TOO_LARGE;
            case COORDINATOR_NOT_AVAILABLE -> KafkaError.COORDINATOR_NOT_AVAILABLE;
            case ILLEGAL_GENERATION -> KafkaError.ILLEGAL_GENERATION;
            case INCONSISTENT_GROUP_PROTOCOL -> KafkaError.INCONSISTENT_GROUP_PROTOCOL;
            case INVALID_GROUP_ID -> KafkaError.INVALID_GROUP_ID;
            case UNKNOWN_MEMBER_ID -> KafkaError.UNKNOWN_MEMBER_ID;
            case INVALID_SESSION_TIMEOUT -> KafkaError.INVALID_SESSION_TIMEOUT;
            case REBALANCE_IN_PROGRESS -> KafkaError.REBALANCE_IN_PROGRESS;
            case NON_EMPTY_GROUP -> KafkaError.NON_EMPTY_GROUP;
            case GROUP_ID_NOT_FOUND -> KafkaError.GROUP_ID_NOT_FOUND;
            case MEMBER_ID_REQUIRED -> KafkaError.MEMBER_ID_REQUIRED;
            case FENCED_INSTANCE_ID -> KafkaError.FENCED_INSTANCE_ID;
            case GROUP_SUBSCRIBED_TO_TOPIC -> KafkaError.GROUP_SUBSCRIBED_TO_TOPIC;
        };
    }

    /** The wire code of a coordinator outcome. */
    static short code(GroupError error) {
        return toKafka(error).code();
    }
}
