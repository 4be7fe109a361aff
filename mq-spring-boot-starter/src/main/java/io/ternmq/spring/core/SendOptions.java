package io.ternmq.spring.core;

import io.ternmq.spring.support.UserPropertyNames;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to send one message (or one batch): tag, business keys, ordering key, delay, user properties and a timeout.
 * Immutable and thread-safe; build with {@link #builder()} or change a copy with {@link #toBuilder()}.
 *
 * <pre>{@code
 * SendOptions options = SendOptions.builder()
 *         .tags("created").keys(order.id())
 *         .hashKey(order.customerId())          // same key -> same queue -> consumed in send order
 *         .delay(Duration.ofMinutes(5))         // or delayLevel(3), or deliverAt(instant)
 *         .property("tenant", "acme")
 *         .build();
 * }</pre>
 *
 * <p>At most one of {@code delayLevel}, {@code delay} and {@code deliverAt} may be set.
 */
public final class SendOptions {
    private static final SendOptions DEFAULTS = builder().build();

    private final String tags;
    private final List<String> keys;
    private final String hashKey;
    private final int delayLevel;
    private final Duration delay;
    private final Instant deliverAt;
    private final Map<String, String> properties;
    private final Duration timeout;

    private SendOptions(Builder b) {
        int delays = (b.delayLevel > 0 ? 1 : 0) + (b.delay != null ? 1 : 0) + (b.deliverAt != null ? 1 : 0);
        if (delays > 1) {
            throw new IllegalArgumentException("SendOptions: delayLevel, delay and deliverAt are mutually exclusive,"
                    + " got delayLevel=" + b.delayLevel + ", delay=" + b.delay + ", deliverAt=" + b.deliverAt);
        }
        this.tags = b.tags;
        this.keys = List.copyOf(b.keys);
        this.hashKey = b.hashKey;
        this.delayLevel = b.delayLevel;
        this.delay = b.delay;
        this.deliverAt = b.deliverAt;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.timeout = b.timeout;
    }

    /** No tag, keys, ordering, delay or properties; the producer's send timeout. */
    public static SendOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tags = tags;
        b.keys = keys;
        b.hashKey = hashKey;
        b.delayLevel = delayLevel;
        b.delay = delay;
        b.deliverAt = deliverAt;
        b.properties.putAll(properties);
        b.timeout = timeout;
        return b;
    }

    /** The tag used by consumers' tag filters, or null. */
    public String tags() {
        return tags;
    }

    /** Business keys, indexed by the broker (query by key); empty when none. */
    public List<String> keys() {
        return keys;
    }

    /** The ordering key, or null: messages with one key go to one queue and are consumed in send order. */
    public String hashKey() {
        return hashKey;
    }

    /** Delay level (1-based index into the broker's messageDelayLevel table), or 0. */
    public int delayLevel() {
        return delayLevel;
    }

    /** Delay from the send, or null. */
    public Duration delay() {
        return delay;
    }

    /** Delivery time, or null. */
    public Instant deliverAt() {
        return deliverAt;
    }

    /** User properties, in insertion order. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Longest wait for the broker's answer, or null for the producer's {@code mq.producer.send-timeout}. */
    public Duration timeout() {
        return timeout;
    }

    /** Whether a delay level, delay or delivery time is set. */
    public boolean delayed() {
        return delayLevel > 0 || delay != null || deliverAt != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendOptions s && Objects.equals(tags, s.tags) && keys.equals(s.keys)
                && Objects.equals(hashKey, s.hashKey) && delayLevel == s.delayLevel && Objects.equals(delay, s.delay)
                && Objects.equals(deliverAt, s.deliverAt) && properties.equals(s.properties)
                && Objects.equals(timeout, s.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tags, keys, hashKey, delayLevel, delay, deliverAt, properties, timeout);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SendOptions{");
        if (tags != null) {
            s.append("tags=").append(tags).append(", ");
        }
        if (!keys.isEmpty()) {
            s.append("keys=").append(keys).append(", ");
        }
        if (hashKey != null) {
            s.append("hashKey=").append(hashKey).append(", ");
        }
        if (delayLevel > 0) {
            s.append("delayLevel=").append(delayLevel).append(", ");
        }
        if (delay != null) {
            s.append("delay=").append(delay).append(", ");
        }
        if (deliverAt != null) {
            s.append("deliverAt=").append(deliverAt).append(", ");
        }
        if (!properties.isEmpty()) {
            s.append("properties=").append(properties).append(", ");
        }
        if (timeout != null) {
            s.append("timeout=").append(timeout).append(", ");
        }
        if (s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 2);
        }
        return s.append('}').toString();
    }

    /** Builder of {@link SendOptions}; not thread-safe. */
    public static final class Builder {
        private String tags;
        private List<String> keys = List.of();
        private String hashKey;
        private int delayLevel;
        private Duration delay;
        private Instant deliverAt;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration timeout;

        private Builder() {
        }

        /** The tag consumers filter on ({@code @MQListener(selector = "created || paid")}); no {@code ||} in it. */
        public Builder tags(String tags) {
            if (tags != null && (tags.isBlank() || tags.contains("||"))) {
                throw new IllegalArgumentException("SendOptions.tags must be one non-blank tag without '||': '"
                        + tags + "'");
            }
            this.tags = tags;
            return this;
        }

        /** Business keys (e.g. an order id), indexed by the broker; no whitespace in a key. */
        public Builder keys(String... keys) {
            return keys(Arrays.asList(keys));
        }

        /** Business keys (e.g. an order id), indexed by the broker; no whitespace in a key. */
        public Builder keys(List<String> keys) {
            for (String k : keys) {
                if (k == null || k.isEmpty() || k.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("SendOptions.keys: a key must be non-empty and contain no "
                            + "whitespace: '" + k + "'");
                }
            }
            this.keys = List.copyOf(keys);
            return this;
        }

        /**
         * Ordering key: every message with this key goes to the same queue, so consumers (orderly listeners) see
         * them in send order. Such sends are not retried on another queue.
         */
        public Builder hashKey(String hashKey) {
            this.hashKey = hashKey;
            return this;
        }

        /**
         * Deliver after delay level {@code level} of the broker's {@code messageDelayLevel} table (by default
         * 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h).
         */
        public Builder delayLevel(int level) {
            if (level < 0) {
                throw new IllegalArgumentException("SendOptions.delayLevel must be 1 or more (0 = none): " + level);
            }
            this.delayLevel = level;
            return this;
        }

        /** Deliver this long after the send (second precision, rounded up; at most the broker's timerMaxDelaySec). */
        public Builder delay(Duration delay) {
            if (delay != null && (delay.isNegative() || delay.isZero())) {
                throw new IllegalArgumentException("SendOptions.delay must be positive: " + delay);
            }
            this.delay = delay;
            return this;
        }

        /** Deliver at this time (second precision, rounded up); a time in the past delivers at once. */
        public Builder deliverAt(Instant time) {
            this.deliverAt = time;
            return this;
        }

        /** Adds a user property; the name must not be reserved ({@link UserPropertyNames}). */
        public Builder property(String name, String value) {
            properties.put(UserPropertyNames.check(name, "SendOptions property"),
                    Objects.requireNonNull(value, () -> "SendOptions property '" + name + "' has a null value"));
            return this;
        }

        /** Adds user properties; see {@link #property}. */
        public Builder properties(Map<String, String> properties) {
            properties.forEach(this::property);
            return this;
        }

        /**
         * Longest wait for the broker's answer to this send (sync and async sends; not one-way). Only shortens the
         * producer's {@code mq.producer.send-timeout}, which bounds the send and its retries anyway.
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("SendOptions.timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** @throws IllegalArgumentException when more than one of delayLevel, delay and deliverAt is set */
        public SendOptions build() {
            return new SendOptions(this);
        }
    }
}
