package io.ternmq.kafka.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka error codes this broker returns: the one map between wire codes and their meaning. Codes, names and
 * whether the Java client retries them are the facts of kafka-clients' {@code Errors} (a test cross-checks them);
 * the messages are ours. Handlers put {@link #code()} in responses and may send {@link #defaultMessage()} where a
 * response has an error message field.
 */
public enum KafkaError {
    UNKNOWN_SERVER_ERROR(-1, false, "The broker hit an unexpected error while handling the request."),
    NONE(0, false, ""),
    OFFSET_OUT_OF_RANGE(1, false, "The requested offset is outside the range held for this partition."),
    CORRUPT_MESSAGE(2, true, "The record batch failed its CRC check or is otherwise damaged."),
    UNKNOWN_TOPIC_OR_PARTITION(3, true, "This broker does not host the topic or partition."),
    INVALID_FETCH_SIZE(4, false, "The requested fetch size is not valid."),
    LEADER_NOT_AVAILABLE(5, true, "The partition has no leader right now."),
    NOT_LEADER_OR_FOLLOWER(6, true, "This broker is not the leader of the partition."),
    REQUEST_TIMED_OUT(7, true, "The request did not complete within its timeout."),
    BROKER_NOT_AVAILABLE(8, false, "The broker is not available."),
    REPLICA_NOT_AVAILABLE(9, true, "The replica is not available."),
    MESSAGE_TOO_LARGE(10, false, "The record batch is larger than the broker accepts."),
    OFFSET_METADATA_TOO_LARGE(12, false, "The metadata string of the committed offset is too long."),
    NETWORK_EXCEPTION(13, true, "The connection closed before a response arrived."),
    COORDINATOR_LOAD_IN_PROGRESS(14, true, "The coordinator is still loading its state."),
    COORDINATOR_NOT_AVAILABLE(15, true, "The coordinator is not available."),
    NOT_COORDINATOR(16, true, "This broker is not the coordinator for the key."),
    INVALID_TOPIC_EXCEPTION(17, false, "The topic name is not valid."),
    RECORD_LIST_TOO_LARGE(18, false, "The produce request holds more record bytes than allowed."),
    NOT_ENOUGH_REPLICAS(19, true, "Too few in-sync replicas to accept the write."),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, true, "The write was stored but too few in-sync replicas acknowledged it."),
    INVALID_REQUIRED_ACKS(21, false, "acks must be -1, 0 or 1."),
    ILLEGAL_GENERATION(22, false, "The generation id does not match the group's current generation."),
    INCONSISTENT_GROUP_PROTOCOL(23, false, "The member's protocol type or protocols do not match the group's."),
    INVALID_GROUP_ID(24, false, "The group id is empty or not valid."),
    UNKNOWN_MEMBER_ID(25, false, "The member id is not part of the group."),
    INVALID_SESSION_TIMEOUT(26, false, "The session timeout is outside the range the broker allows."),
    REBALANCE_IN_PROGRESS(27, false, "The group is rebalancing; rejoin it."),
    INVALID_COMMIT_OFFSET_SIZE(28, false, "The offset metadata is too large."),
    TOPIC_AUTHORIZATION_FAILED(29, false, "Not authorized to access the topic."),
    GROUP_AUTHORIZATION_FAILED(30, false, "Not authorized to access the group."),
    CLUSTER_AUTHORIZATION_FAILED(31, false, "Not authorized for this cluster operation."),
    INVALID_TIMESTAMP(32, false, "A record timestamp is outside the accepted range."),
    UNSUPPORTED_SASL_MECHANISM(33, false, "The SASL mechanism is not enabled on this broker."),
    ILLEGAL_SASL_STATE(34, false, "The request is not expected in the current SASL state."),
    UNSUPPORTED_VERSION(35, false, "The broker does not support this API version."),
    TOPIC_ALREADY_EXISTS(36, false, "The topic already exists."),
    INVALID_PARTITIONS(37, false, "The number of partitions is not valid."),
    INVALID_REPLICATION_FACTOR(38, false, "The replication factor is not valid."),
    INVALID_REPLICA_ASSIGNMENT(39, false, "The replica assignment is not valid."),
    INVALID_CONFIG(40, false, "The configuration is not valid."),
    INVALID_REQUEST(42, false, "The request is malformed or not allowed at this version."),
    UNSUPPORTED_FOR_MESSAGE_FORMAT(43, false, "The message format of the partition does not support this request."),
    POLICY_VIOLATION(44, false, "The request violates a broker policy."),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, false, "The batch sequence number leaves a gap after the last one stored."),
    DUPLICATE_SEQUENCE_NUMBER(46, false, "The batch sequence number was already stored."),
    INVALID_PRODUCER_EPOCH(47, false, "The producer epoch is older than the current one."),
    INVALID_TXN_STATE(48, false, "The operation does not fit the transaction's current state."),
    INVALID_PRODUCER_ID_MAPPING(49, false, "The producer id does not belong to this transactional id."),
    INVALID_TRANSACTION_TIMEOUT(50, false, "The transaction timeout is larger than the broker allows."),
    CONCURRENT_TRANSACTIONS(51, true, "Another transaction operation for this producer is still completing."),
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, false, "Not authorized to use the transactional id."),
    KAFKA_STORAGE_ERROR(56, true, "The broker's storage failed for this partition."),
    SASL_AUTHENTICATION_FAILED(58, false, "SASL authentication failed."),
    UNKNOWN_PRODUCER_ID(59, false, "The broker has no state for this producer id."),
    NON_EMPTY_GROUP(68, false, "The group still has members."),
    GROUP_ID_NOT_FOUND(69, false, "The group does not exist."),
    FETCH_SESSION_ID_NOT_FOUND(70, true, "The fetch session is unknown."),
    INVALID_FETCH_SESSION_EPOCH(71, true, "The fetch session epoch is not the expected one."),
    TOPIC_DELETION_DISABLED(73, false, "Deleting topics is disabled on this broker."),
    FENCED_LEADER_EPOCH(74, true, "The leader epoch in the request is older than the broker's."),
    UNKNOWN_LEADER_EPOCH(75, true, "The leader epoch in the request is newer than the broker's."),
    UNSUPPORTED_COMPRESSION_TYPE(76, false, "The compression type is not supported at this request version."),
    OFFSET_NOT_AVAILABLE(78, true, "The offset is not available yet."),
    MEMBER_ID_REQUIRED(79, false, "Join again with the member id given in this response."),
    GROUP_MAX_SIZE_REACHED(81, false, "The group has reached its maximum size."),
    FENCED_INSTANCE_ID(82, false, "Another member with the same group.instance.id took over."),
    GROUP_SUBSCRIBED_TO_TOPIC(86, false, "The group still subscribes to the topic."),
    INVALID_RECORD(87, false, "A record failed validation."),
    UNSTABLE_OFFSET_COMMIT(88, true, "The group has pending transactional offsets."),
    THROTTLING_QUOTA_EXCEEDED(89, true, "The request exceeds a throttling quota."),
    PRODUCER_FENCED(90, false, "A newer producer with the same transactional id exists."),
    RESOURCE_NOT_FOUND(91, false, "The resource does not exist."),
    UNKNOWN_TOPIC_ID(100, true, "This broker does not know the topic id."),
    INVALID_RECORD_STATE(121, false, "The record state is not valid.");

    private static final Map<Short, KafkaError> BY_CODE = new HashMap<>();

    static {
        for (KafkaError error : values()) {
            BY_CODE.put(error.code, error);
        }
    }

    private final short code;
    private final boolean retriable;
    private final String defaultMessage;

    KafkaError(int code, boolean retriable, String defaultMessage) {
        this.code = (short) code;
        this.retriable = retriable;
        this.defaultMessage = defaultMessage;
    }

    /** The error with this code, or {@link #UNKNOWN_SERVER_ERROR} for a code not listed here. */
    public static KafkaError forCode(short code) {
        return BY_CODE.getOrDefault(code, UNKNOWN_SERVER_ERROR);
    }

    public short code() {
        return code;
    }

    /** Whether the Java client retries a request that failed with this error. */
    public boolean retriable() {
        return retriable;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
