package io.ternmq.broker.group;

/**
 * A consumer (subscription) group's settings.
 *
 * @param name          group name
 * @param consumeEnable whether the group may pull
 * @param retryMaxTimes redeliveries before a message goes to the group's DLQ (used once retry lands)
 */
public record SubscriptionGroupConfig(String name, boolean consumeEnable, int retryMaxTimes) {
    public static final int DEFAULT_RETRY_MAX_TIMES = 16;

    public static SubscriptionGroupConfig withDefaults(String name) {
        return new SubscriptionGroupConfig(name, true, DEFAULT_RETRY_MAX_TIMES);
    }
}
