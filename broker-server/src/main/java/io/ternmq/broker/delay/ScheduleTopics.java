package io.ternmq.broker.delay;

/**
 * The broker's internal topics for delayed messages. They live only in the store: they are not in the topic
 * registry, producers cannot send to them and consumers cannot pull them.
 */
public final class ScheduleTopics {
    /** Delay-level messages: queue {@code level - 1}, RocketMQ's name. */
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    /** Messages with an arbitrary delivery time, one queue per {@link TimerHops hop}. */
    public static final String TIMER_TOPIC = "TIMER_TOPIC_XXXX";

    private ScheduleTopics() {
    }

    /** True for the internal schedule topics. */
    public static boolean isInternal(String topic) {
        return SCHEDULE_TOPIC.equals(topic) || TIMER_TOPIC.equals(topic);
    }
}
