package io.ternmq.cli;

import io.ternmq.client.Message;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code sendMessage}'s delivery delay: a delay level, a duration or a time. Used as an exclusive picocli argument
 * group, so giving two of them is a usage error (exit 2) before anything is sent.
 */
final class DeliveryOptions {

    @Option(names = "--delay-level", paramLabel = "N",
            description = "Deliver after delay level N of the broker's messageDelayLevel table (1 = 1s by default).")
    Integer delayLevel;

    @Option(names = "--deliver-after", paramLabel = "duration", converter = DurationArgument.class,
            description = "Deliver this long after the send: 90s, 5m, 500ms (rounded up to the second).")
    Duration deliverAfter;

    @Option(names = "--deliver-at", paramLabel = "time", converter = TimeArgument.class,
            description = "Deliver at this time: epoch ms, ISO-8601, 2026-11-21#06:00:00:000 (a past time: at once).")
    Long deliverAt;

    /** Sets the delivery on the message being built; the broker keeps it invisible until due. */
    void applyTo(Message.Builder builder) {
        if (delayLevel != null) {
            if (delayLevel < 1) {
                throw new IllegalArgumentException("--delay-level must be 1 or more");
            }
            builder.delayLevel(delayLevel);
        } else if (deliverAfter != null) {
            builder.deliverAfter(deliverAfter);
        } else if (deliverAt != null) {
            builder.deliverAt(Instant.ofEpochMilli(deliverAt));
        }
    }
}
