package io.ternmq.client;

import io.ternmq.protocol.message.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send: topic, body, optional tag, business keys and user properties. Immutable and thread-safe;
 * {@link #withProperty} returns a copy.
 *
 * <p>Keys are indexed by the broker (query by key), so use business ids such as an order id. The reserved property
 * names of {@link MessageProperties} are set by the client and may not be given as user properties.
 */
public final class Message {
    private final String topic;
    private final byte[] body;
    private final String tags;
    private final List<String> keys;
    private final Map<String, String> properties;
    private final Delivery delivery;

    private Message(String topic, byte[] body, String tags, List<String> keys, Map<String, String> properties) {
        this(topic, body, tags, keys, properties, Delivery.NOW);
    }

    private Message(String topic, byte[] body, String tags, List<String> keys, Map<String, String> properties,
                    Delivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.topic = requireTopic(topic);
        this.body = Objects.requireNonNull(body, "body");
        this.tags = tags;
        this.keys = List.copyOf(keys);
        for (String key : this.keys) {
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a key must be non-empty and contain no whitespace: '" + key + "'");
            }
        }
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A message with a body and no tag, keys or properties. */
    public static Message of(String topic, byte[] body) {
        return builder().topic(topic).body(body).build();
    }

    /** A message with a UTF-8 body. */
    public static Message of(String topic, String body) {
        return of(topic, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String topic() {
        return topic;
    }

    /** The body; the array is shared, do not modify it. */
    public byte[] body() {
        return body;
    }

    /** The tag used by tag filters, or null. */
    public String tags() {
        return tags;
    }

    public List<String> keys() {
        return keys;
    }

    /** User properties (without the reserved ones). */
    public Map<String, String> properties() {
        return properties;
    }

    /** When the broker delivers it to consumers: at once, after a delay level, or at a time. */
    public Delivery delivery() {
        return delivery;
    }

    /** A copy of this message with one more user property. */
    public Message withProperty(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(properties);
        copy.put(checkPropertyName(name), Objects.requireNonNull(value, "value"));
        return new Message(topic, body, tags, keys, copy, delivery);
    }

    /** A builder pre-filled with this message. */
    public Builder toBuilder() {
        Builder b = builder().topic(topic).body(body).tags(tags).keys(keys);
        properties.forEach(b::property);
        b.delivery = delivery;
        return b;
    }

    private static String requireTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty() || topic.length() > 127 || !topic.chars().allMatch(Message::topicChar)) {
            throw new IllegalArgumentException("invalid topic name '" + topic + "': 1..127 of [A-Za-z0-9_%|-]");
        }
        return topic;
    }

    private static boolean topicChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == '%' || c == '|';
    }

    private static String checkPropertyName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals(MessageProperties.KEYS) || name.equals(MessageProperties.TAGS)
                || name.equals(MessageProperties.UNIQ_KEY) || name.equals(MessageProperties.DELAY)
                || name.equals(MessageProperties.TIMER_DELIVER_MS)) {
            throw new IllegalArgumentException("'" + name + "' is reserved; use the dedicated setter");
        }
        return name;
    }

    @Override
    public String toString() {
        return "Message{topic=" + topic + ", tags=" + tags + ", keys=" + keys + ", properties=" + properties
                + (delivery == Delivery.NOW ? "" : ", delivery=" + delivery) + ", bodyBytes=" + body.length + '}';
    }

    /** Builder of {@link Message}; not thread-safe. */
    public static final class Builder {
        private String topic;
        private byte[] body;
        private String tags;
        private List<String> keys = List.of();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Delivery delivery = Delivery.NOW;

        private Builder() {
        }

        /**
         * Deliver after delay level {@code level} of the broker's {@code messageDelayLevel} table (by default
         * 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h; a level past the table is its last).
         */
        public Builder delayLevel(int level) {
            this.delivery = Delivery.level(level);
            return this;
        }

        /**
         * Deliver this long after the send (second precision, rounded up). The broker rejects delays past its
         * {@code timerMaxDelaySec} (3 days by default).
         */
        public Builder deliverAfter(Duration delay) {
            this.delivery = Delivery.after(delay);
            return this;
        }

        /** Deliver at this time (second precision, rounded up); a time in the past delivers at once. */
        public Builder deliverAt(Instant time) {
            this.delivery = Delivery.at(time);
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        public Builder body(String utf8) {
            this.body = utf8.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder tags(String tags) {
            this.tags = tags;
            return this;
        }

        public Builder keys(List<String> keys) {
            this.keys = keys;
            return this;
        }

        public Builder keys(String... keys) {
            this.keys = List.of(keys);
            return this;
        }

        public Builder property(String name, String value) {
            properties.put(checkPropertyName(name), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Message build() {
            return new Message(topic, body, tags, keys, properties, delivery);
        }
    }
}
