package io.ternmq.client;

import io.ternmq.protocol.message.MessageProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * When the broker hands a message to consumers: {@link #NOW}, after a delay level, after a duration or at a time.
 * A delayed message is stored by the broker at once (the send succeeds as usual) but stays invisible until due;
 * it survives broker restarts. Immutable.
 *
 * @param level   delay level, 1.. (0 = none)
 * @param afterMs delay from the send in milliseconds (-1 = none)
 * @param atMs    delivery time, epoch milliseconds (-1 = none)
 */
public record Delivery(int level, long afterMs, long atMs) {
    /** No delay. */
    public static final Delivery NOW = new Delivery(0, -1, -1);

    public static Delivery level(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("a delay level is 1 or more: " + level);
        }
        return new Delivery(level, -1, -1);
    }

    public static Delivery after(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("the delay must be positive: " + delay);
        }
        return new Delivery(0, delay.toMillis(), -1);
    }

    public static Delivery at(Instant time) {
        return new Delivery(0, -1, Objects.requireNonNull(time, "time").toEpochMilli());
    }

    /** Adds the wire properties ({@code DELAY} or {@code TIMER_DELIVER_MS}) for a message sent at {@code nowMs}. */
    public void addProperties(Map<String, String> props, long nowMs) {
        if (level > 0) {
            props.put(MessageProperties.DELAY, Integer.toString(level));
        } else if (afterMs >= 0 || atMs >= 0) {
            long at = atMs >= 0 ? atMs : nowMs + afterMs;
            props.put(MessageProperties.TIMER_DELIVER_MS, Long.toString(Math.floorDiv(at + 999, 1_000) * 1_000));
        }
    }

    @Override
    public String toString() {
        return level > 0 ? "level " + level : afterMs >= 0 ? "after " + Duration.ofMillis(afterMs)
                : atMs >= 0 ? "at " + Instant.ofEpochMilli(atMs) : "now";
    }
}
