package io.ternmq.broker.delay;

import io.ternmq.broker.message.AppendOutcome;
import io.ternmq.broker.message.MessageService;
import io.ternmq.broker.store.AppendRequest;
import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageProperties;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Moves one due message out of a schedule queue: to its real topic (through {@link MessageService}, so topic
 * checks and statistics apply) with the schedule properties removed, or, for a timer message that is not due
 * yet, to its next {@link TimerHops hop} queue. Body, flag, sysFlag, born time and host, reconsume count, keys,
 * tags and {@code UNIQ_KEY} are kept; the delivered copy gets a new broker message id.
 *
 * <p>Thread-safe (stateless).
 */
final class DueMessageForwarder {
    private static final System.Logger LOG = System.getLogger(DueMessageForwarder.class.getName());

    private final MessageService messages;
    private final MessageStore store;

    DueMessageForwarder(MessageService messages) {
        this.messages = messages;
        this.store = messages.store();
    }

    CompletableFuture<ForwardStatus> forward(StoredMessage m, long now) {
        String realTopic = m.properties().get(MessageProperties.REAL_TOPIC);
        int realQueue = parseInt(m.properties().get(MessageProperties.REAL_QID));
        if (realTopic == null || realQueue < 0) {
            LOG.log(System.Logger.Level.WARNING, "dropping scheduled message {0}: no valid REAL_TOPIC/REAL_QID",
                    m.messageId());
            return CompletableFuture.completedFuture(ForwardStatus.DROPPED);
        }
        String time = m.properties().get(MessageProperties.TIMER_DELIVER_MS);
        if (time != null && ScheduleTopics.TIMER_TOPIC.equals(m.topic())) {
            long remaining = parseLong(time) - now;
            if (remaining > 0) {
                return reschedule(m, TimerHops.queueFor(remaining));
            }
        }
        Map<String, String> props = new HashMap<>(m.properties());
        props.remove(MessageProperties.REAL_TOPIC);
        props.remove(MessageProperties.REAL_QID);
        props.remove(MessageProperties.DELAY);
        props.remove(MessageProperties.TIMER_DELIVER_MS);
        AppendRequest real = new AppendRequest(realTopic, realQueue, List.of(copy(m, props)), m.bornHost());
        return messages.append(real).thenApply(outcome -> delivered(m, realTopic, outcome));
    }

    private CompletableFuture<ForwardStatus> reschedule(StoredMessage m, int hopQueue) {
        AppendRequest next = new AppendRequest(ScheduleTopics.TIMER_TOPIC, hopQueue,
                List.of(copy(m, m.properties())), m.bornHost());
        return store.append(next).handle((result, error) -> {
            if (error != null || result.status() == AppendStatus.DISK_FULL
                    || result.status() == AppendStatus.SERVICE_NOT_AVAILABLE) {
                return ForwardStatus.RETRY_LATER;
            }
            return result.ok() || result.status() == AppendStatus.FLUSH_DISK_TIMEOUT
                    ? ForwardStatus.RESCHEDULED : dropped(m, result.errorMessage());
        });
    }

    private static ForwardStatus delivered(StoredMessage m, String realTopic, AppendOutcome outcome) {
        if (outcome.ok()) {
            return ForwardStatus.DELIVERED;
        }
        if (outcome.result() == null) {
            return dropped(m, "topic " + realTopic + ": " + outcome.topicCheck());
        }
        AppendResult result = outcome.result();
        return switch (result.status()) {
            case PUT_OK, FLUSH_DISK_TIMEOUT -> ForwardStatus.DELIVERED;
            case DISK_FULL, SERVICE_NOT_AVAILABLE -> ForwardStatus.RETRY_LATER;
            case MESSAGE_TOO_LARGE, MESSAGE_ILLEGAL -> dropped(m, result.errorMessage());
        };
    }

    private static ForwardStatus dropped(StoredMessage m, String why) {
        LOG.log(System.Logger.Level.WARNING, "dropping scheduled message {0} (UNIQ_KEY {1}): {2}", m.messageId(),
                m.properties().get(MessageProperties.UNIQ_KEY), why);
        return ForwardStatus.DROPPED;
    }

    private static MessageDraft copy(StoredMessage m, Map<String, String> props) {
        return new MessageDraft(props, m.body(), m.bornTimestamp(), m.flag(), m.sysFlag(), m.reconsumeTimes());
    }

    private static int parseInt(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
