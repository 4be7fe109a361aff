package io.ternmq.kafka.server.handler;

import io.ternmq.kafka.codec.KafkaError;

/**
 * The outcome of a topic admin operation on one topic: an error (NONE on success) and, for failures, a message the
 * Java Admin client shows in its exception.
 */
record TopicResult(KafkaError error, String message) {
    static final TopicResult OK = new TopicResult(KafkaError.NONE, null);

    static TopicResult of(KafkaError error, String message) {
        return new TopicResult(error, message);
    }
}
