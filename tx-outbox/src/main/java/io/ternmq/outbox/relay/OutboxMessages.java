package io.ternmq.outbox.relay;

import io.ternmq.client.Delivery;
import io.ternmq.client.Message;
import io.ternmq.outbox.UtcTime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Converts between a client {@link Message} and an {@code mq_outbox} row. A relative delay
 * ({@link Message.Builder#deliverAfter}) is turned into an absolute delivery time when the row is written, so a
 * relay that sends late does not add its lateness to the delay; a time already past when the relay sends delivers at
 * once.
 */
final class OutboxMessages {
    static final int MAX_TAGS = 255;
    static final int MAX_KEYS = 1024;
    static final int MAX_HASH_KEY = 255;
    /** A TEXT column holds 65,535 bytes. */
    static final int MAX_PROPERTIES_BYTES = 65_535;

    private OutboxMessages() {
    }

    /** The row for {@code message}, written at {@code now}; fails with the offending field when it does not fit. */
    static OutboxInsert toInsert(Message message, String hashKey, Instant now) {
        String keys = message.keys().isEmpty() ? null : String.join(" ", message.keys());
        check("tags", message.tags(), MAX_TAGS);
        check("keys", keys, MAX_KEYS);
        check("hash key", hashKey, MAX_HASH_KEY);
        if (hashKey != null && hashKey.isEmpty()) {
            throw new IllegalArgumentException("the outbox hash key must be null or non-empty");
        }
        String properties = PropertiesJson.encode(message.properties());
        if (properties != null && properties.getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTIES_BYTES) {
            throw new IllegalArgumentException("the message's properties take more than " + MAX_PROPERTIES_BYTES
                    + " bytes as JSON and do not fit mq_outbox.properties");
        }
        Delivery d = message.delivery();
        Long deliverAtMs = d.atMs() >= 0 ? Long.valueOf(d.atMs())
                : d.afterMs() >= 0 ? Long.valueOf(now.toEpochMilli() + d.afterMs()) : null;
        return new OutboxInsert(message.topic(), message.tags(), keys, hashKey, properties, message.body(),
                d.level(), deliverAtMs, UtcTime.column(now));
    }

    /** The message a row holds. @throws IllegalArgumentException when the row's columns are not valid */
    static Message toMessage(OutboxRow row) {
        Message.Builder b = Message.builder().topic(row.topic()).body(row.body()).tags(row.tags());
        if (row.msgKeys() != null && !row.msgKeys().isEmpty()) {
            b.keys(List.of(row.msgKeys().split(" ")));
        }
        PropertiesJson.decode(row.properties()).forEach(b::property);
        if (row.delayLevel() > 0) {
            b.delayLevel(row.delayLevel());
        } else if (row.deliverAtMs() != null) {
            b.deliverAt(Instant.ofEpochMilli(row.deliverAtMs()));
        }
        return b.build();
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("the message's " + field + " has " + value.length()
                    + " characters; mq_outbox holds at most " + max);
        }
    }
}
