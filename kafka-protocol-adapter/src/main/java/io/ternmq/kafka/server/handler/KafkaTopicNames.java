package io.ternmq.kafka.server.handler;

import io.ternmq.broker.delay.ScheduleTopics;
import io.ternmq.broker.metadata.ResourceName;
import io.ternmq.broker.tx.TransactionTopics;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which broker topics Kafka clients may see and name. A Kafka topic name is {@code [a-zA-Z0-9._-]{1,249}} and not
 * {@code .} or {@code ..}; the broker allows at most 127 characters, so both limits apply. The broker's own topics
 * (retry {@code %RETRY%group}, dead-letter {@code %DLQ%group}, schedule and transaction topics) are internal: not
 * listed among user topics, never created or deleted through Kafka.
 */
final class KafkaTopicNames {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int KAFKA_MAX_LENGTH = 249;

    private KafkaTopicNames() {
    }

    /** Why a Kafka client may not use this name, or empty when it may. */
    static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("Topic name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("Topic name cannot be \".\" or \"..\"");
        }
        if (name.length() > KAFKA_MAX_LENGTH || !LEGAL.matcher(name).matches()) {
            return Optional.of("Topic name \"" + name + "\" is illegal, it contains a character other than ASCII "
                    + "alphanumerics, '.', '_' and '-' or is longer than " + KAFKA_MAX_LENGTH + " characters");
        }
        return ResourceName.TOPIC.problem(name);
    }

    /** True for the broker's own topics. */
    static boolean isInternal(String name) {
        return name.startsWith("%") || TransactionTopics.isSystemTopic(name) || ScheduleTopics.isInternal(name);
    }
}
