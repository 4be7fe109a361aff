package io.ternmq.kafka.codec;

/**
 * A Kafka request or response does not follow its schema: a length or count is negative or larger than the bytes
 * left, the body is truncated, a non-nullable field is null, or bytes remain after the last field. The message names
 * the API, the version and the field path, so a log line says which client sent what. The connection that sent it
 * cannot be trusted to be in sync any more and should be closed.
 */
public final class MalformedKafkaMessageException extends RuntimeException {
    public MalformedKafkaMessageException(String message) {
        super(message);
    }
}
