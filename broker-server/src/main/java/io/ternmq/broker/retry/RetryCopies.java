package io.ternmq.broker.retry;

import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the copies a retry, a dead-lettering or a DLQ re-send appends: the body, flag, sysFlag, born time, keys,
 * tags, {@code UNIQ_KEY} and user properties of the failed message, minus the schedule's internal properties,
 * plus the properties that say where the message came from.
 */
final class RetryCopies {
    private RetryCopies() {
    }

    /** The topic the message was first consumed from: its own, or {@code RETRY_TOPIC} for a retry message. */
    static String originTopic(StoredMessage m) {
        String retryTopic = m.properties().get(MessageProperties.RETRY_TOPIC);
        return retryTopic != null && m.topic().startsWith(MessageProperties.RETRY_TOPIC_PREFIX) ? retryTopic
                : m.topic();
    }

    /** The broker id of the message as first stored. */
    static String originMessageId(StoredMessage m) {
        String origin = m.properties().get(MessageProperties.ORIGIN_MESSAGE_ID);
        return origin != null ? origin : m.messageId();
    }

    /** A copy for {@code %RETRY%group}, to be scheduled at {@code level}. */
    static MessageDraft retry(StoredMessage m, int level) {
        Map<String, String> props = cleaned(m);
        props.put(MessageProperties.RETRY_TOPIC, originTopic(m));
        props.put(MessageProperties.ORIGIN_MESSAGE_ID, originMessageId(m));
        props.put(MessageProperties.DELAY, Integer.toString(level));
        return draft(m, props, m.reconsumeTimes() + 1);
    }

    /** A copy for {@code %DLQ%group}. */
    static MessageDraft deadLetter(StoredMessage m) {
        Map<String, String> props = cleaned(m);
        props.remove(MessageProperties.RETRY_TOPIC);
        props.remove(MessageProperties.ORIGIN_MESSAGE_ID);
        props.put(MessageProperties.DLQ_ORIGIN_TOPIC, originTopic(m));
        props.put(MessageProperties.DLQ_ORIGIN_MESSAGE_ID, originMessageId(m));
        return draft(m, props, m.reconsumeTimes() + 1);
    }

    /** A copy of a DLQ message for {@code %RETRY%group}, visible at once, with the reconsume count reset. */
    static MessageDraft resent(StoredMessage dlqMessage) {
        Map<String, String> props = cleaned(dlqMessage);
        String topic = props.remove(MessageProperties.DLQ_ORIGIN_TOPIC);
        String id = props.remove(MessageProperties.DLQ_ORIGIN_MESSAGE_ID);
        props.put(MessageProperties.RETRY_TOPIC, topic != null ? topic : dlqMessage.topic());
        props.put(MessageProperties.ORIGIN_MESSAGE_ID, id != null ? id : dlqMessage.messageId());
        return draft(dlqMessage, props, 0);
    }

    private static Map<String, String> cleaned(StoredMessage m) {
        Map<String, String> props = new HashMap<>(m.properties());
        props.remove(MessageProperties.REAL_TOPIC);
        props.remove(MessageProperties.REAL_QID);
        props.remove(MessageProperties.DELAY);
        props.remove(MessageProperties.TIMER_DELIVER_MS);
        // a committed transactional message keeps TRAN_MSG; its copies are plain messages (and a delayed retry of a
        // message marked transactional would be refused)
        props.remove(MessageProperties.TRANSACTION_PREPARED);
        return props;
    }

    private static MessageDraft draft(StoredMessage m, Map<String, String> props, int reconsumeTimes) {
        return new MessageDraft(props, m.body(), m.bornTimestamp(), m.flag(), m.sysFlag(), reconsumeTimes);
    }
}
