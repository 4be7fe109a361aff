package io.ternmq.kafka.server.data;

import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.topic.TopicCheck;
import io.ternmq.kafka.codec.KafkaError;
import io.ternmq.kafka.mapping.MappingStatus;
import io.ternmq.kafka.producer.SequenceOutcome;
import io.ternmq.kafka.record.BatchStatus;

/**
 * The one place where outcomes of the broker and of the record/producer packages become Kafka error codes for the
 * data path. Stateless.
 *
 * <p>Why these codes:
 * <ul>
 *   <li>FLUSH_DISK_TIMEOUT (SYNC_FLUSH only): the batch is written but its fsync did not finish in time, so the outcome
 *       is unknown. REQUEST_TIMED_OUT is what Kafka answers when {@code acks=all} could not be confirmed in time; it
 *       is retriable, and an idempotent producer's retry is deduplicated if the first write did land.</li>
 *   <li>DISK_FULL and SERVICE_NOT_AVAILABLE (store closed or failed fsync): KAFKA_STORAGE_ERROR, Kafka's error for a
 *       log directory that cannot take writes; retriable, so clients wait for space or a restart.</li>
 *   <li>MESSAGE_TOO_LARGE: the same name; MESSAGE_ILLEGAL (bad properties, empty batch): INVALID_RECORD.</li>
 *   <li>A topic that does not exist (and was not auto-created) or a partition past the topic's queue count:
 *       UNKNOWN_TOPIC_OR_PARTITION, which clients retry after refreshing metadata.</li>
 * </ul>
 */
public final class DataPathErrors {
    private DataPathErrors() {
    }

    /** The error of a store append that did not return PUT_OK (NONE for PUT_OK). */
    public static KafkaError of(AppendStatus status) {
        return switch (status) {
            case PUT_OK -> KafkaError.NONE;
            case FLUSH_DISK_TIMEOUT -> KafkaError.REQUEST_TIMED_OUT;
            case MESSAGE_TOO_LARGE -> KafkaError.MESSAGE_TOO_LARGE;
            case MESSAGE_ILLEGAL -> KafkaError.INVALID_RECORD;
            case DISK_FULL, SERVICE_NOT_AVAILABLE -> KafkaError.KAFKA_STORAGE_ERROR;
        };
    }

    /** The error of a topic check (NONE for OK). */
    public static KafkaError of(TopicCheck check) {
        return switch (check) {
            case OK -> KafkaError.NONE;
            case ILLEGAL_NAME -> KafkaError.INVALID_TOPIC_EXCEPTION;
            case NOT_EXIST, QUEUE_NOT_EXIST -> KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
            case NO_PERMISSION -> KafkaError.TOPIC_AUTHORIZATION_FAILED;
        };
    }

    /** The error of a refused record batch (the codes {@link BatchStatus} names). */
    public static KafkaError of(BatchStatus status) {
        return switch (status) {
            case CORRUPT -> KafkaError.CORRUPT_MESSAGE;
            case UNSUPPORTED_MAGIC, INVALID_RECORD -> KafkaError.INVALID_RECORD;
            case UNSUPPORTED_COMPRESSION -> KafkaError.UNSUPPORTED_COMPRESSION_TYPE;
            case DECOMPRESSED_TOO_LARGE -> KafkaError.MESSAGE_TOO_LARGE;
        };
    }

    /** The error of a batch that could not become broker messages (NONE for MAPPED). */
    public static KafkaError of(MappingStatus status) {
        return switch (status) {
            case MAPPED -> KafkaError.NONE;
            case PROPERTIES_TOO_LARGE -> KafkaError.INVALID_RECORD;
        };
    }

    /** The error of an idempotent batch's sequence check (NONE for APPEND and DUPLICATE). */
    public static KafkaError of(SequenceOutcome outcome) {
        return KafkaError.forCode(outcome.errorCode());
    }
}
