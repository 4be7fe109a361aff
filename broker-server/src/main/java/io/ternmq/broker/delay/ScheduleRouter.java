package io.ternmq.broker.delay;

import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.protocol.message.MessageProperties;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, for every append, whether it is a delayed message and if so rewrites it into the schedule: a
 * {@code DELAY} level goes to {@link ScheduleTopics#SCHEDULE_TOPIC} queue {@code level - 1}, a
 * {@code TIMER_DELIVER_MS} time to the {@link TimerHops hop} queue of {@link ScheduleTopics#TIMER_TOPIC} that
 * fits its remaining delay. The real topic and queue travel in {@code REAL_TOPIC} / {@code REAL_QID}.
 *
 * <p>Rules: a level {@code <= 0} or a time not in the future means "no delay" (the property is dropped); a level
 * above the table is the last level; a time more than {@code timerMaxDelaySec} ahead, a batch holding a delayed
 * message, a delayed transactional message, both properties at once, a non-numeric value, and any direct write to
 * an internal topic are rejected
 * as {@link AppendStatus#MESSAGE_ILLEGAL}. Times are rounded up to whole seconds (second precision).
 *
 * <p>Thread-safe and stateless apart from its configuration.
 */
public final class ScheduleRouter {
    private final DelayLevels levels;
    private final long maxDelayMs;
    private final Clock clock;

    /**
     * @param levels        the delay level table
     * @param maxDelaySec   the longest accepted delay of a {@code TIMER_DELIVER_MS} message
     * @param clock         the broker clock (the store's)
     */
    public ScheduleRouter(DelayLevels levels, long maxDelaySec, Clock clock) {
        this.levels = levels;
        this.maxDelayMs = maxDelaySec * 1_000L;
        this.clock = clock;
    }

    /**
     * The outcome of routing: the request to store (rewritten or not), or a rejection.
     *
     * @param request   what to append; null when rejected
     * @param rejection why the append is refused; null when accepted
     */
    public record Routing(AppendRequest request, AppendResult rejection) {
        static Routing reject(String message) {
            return new Routing(null, AppendResult.rejected(AppendStatus.MESSAGE_ILLEGAL, message));
        }
    }

    public DelayLevels levels() {
        return levels;
    }

    /** Routes one append request. */
    public Routing route(AppendRequest request) {
        if (ScheduleTopics.isInternal(request.topic())) {
            return Routing.reject("topic " + request.topic() + " is internal to the broker");
        }
        boolean delayed = false;
        for (MessageDraft m : request.messages()) {
            delayed |= m.properties().containsKey(MessageProperties.DELAY)
                    || m.properties().containsKey(MessageProperties.TIMER_DELIVER_MS);
        }
        if (!delayed) {
            return new Routing(request, null);
        }
        if (request.messages().size() > 1) {
            return Routing.reject("a batch cannot hold delayed messages (DELAY or TIMER_DELIVER_MS)");
        }
        MessageDraft m = request.messages().get(0);
        if ("true".equalsIgnoreCase(m.properties().get(MessageProperties.TRANSACTION_PREPARED))) {
            // as in RocketMQ: the half message's schedule belongs to the transaction check, not to a delay
            return Routing.reject("a transactional message cannot be delayed (DELAY or TIMER_DELIVER_MS)");
        }
        String level = m.properties().get(MessageProperties.DELAY);
        String time = m.properties().get(MessageProperties.TIMER_DELIVER_MS);
        if (level != null && time != null) {
            return Routing.reject("a message may have DELAY or TIMER_DELIVER_MS, not both");
        }
        return level != null ? routeLevel(request, m, level) : routeTime(request, m, time);
    }

    private Routing routeLevel(AppendRequest request, MessageDraft m, String value) {
        int level;
        try {
            level = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Routing.reject("DELAY must be a delay level 1.." + levels.count() + ", got '" + value + "'");
        }
        if (level <= 0) {
            return new Routing(withProperties(request, request.topic(), request.queueId(), m,
                    without(m.properties(), MessageProperties.DELAY)), null);
        }
        int clamped = levels.clamp(level);
        Map<String, String> props = scheduled(m.properties(), request);
        props.put(MessageProperties.DELAY, Integer.toString(clamped));
        return new Routing(withProperties(request, ScheduleTopics.SCHEDULE_TOPIC, clamped - 1, m, props), null);
    }

    private Routing routeTime(AppendRequest request, MessageDraft m, String value) {
        long deliverAt;
        try {
            deliverAt = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Routing.reject("TIMER_DELIVER_MS must be epoch milliseconds, got '" + value + "'");
        }
        long rounded = deliverAt > Long.MAX_VALUE - 999 ? Long.MAX_VALUE : (deliverAt + 999) / 1_000 * 1_000;
        long remaining = rounded - clock.millis();
        if (remaining <= 0) {
            return new Routing(withProperties(request, request.topic(), request.queueId(), m,
                    without(m.properties(), MessageProperties.TIMER_DELIVER_MS)), null);
        }
        if (remaining > maxDelayMs) {
            return Routing.reject("TIMER_DELIVER_MS is " + (remaining / 1_000) + " s ahead; the broker accepts at "
                    + "most timerMaxDelaySec = " + (maxDelayMs / 1_000) + " s");
        }
        Map<String, String> props = scheduled(m.properties(), request);
        props.put(MessageProperties.TIMER_DELIVER_MS, Long.toString(rounded));
        return new Routing(withProperties(request, ScheduleTopics.TIMER_TOPIC, TimerHops.queueFor(remaining), m,
                props), null);
    }

    private static Map<String, String> scheduled(Map<String, String> properties, AppendRequest request) {
        Map<String, String> props = new HashMap<>(properties);
        props.put(MessageProperties.REAL_TOPIC, request.topic());
        props.put(MessageProperties.REAL_QID, Integer.toString(request.queueId()));
        return props;
    }

    private static Map<String, String> without(Map<String, String> properties, String name) {
        Map<String, String> props = new HashMap<>(properties);
        props.remove(name);
        return props;
    }

    private static AppendRequest withProperties(AppendRequest request, String topic, int queueId, MessageDraft m,
                                                Map<String, String> props) {
        MessageDraft draft = new MessageDraft(props, m.body(), m.bornTimestamp(), m.flag(), m.sysFlag(),
                m.reconsumeTimes());
        return new AppendRequest(topic, queueId, List.of(draft), request.bornHost(), request.attached());
    }
}
