package io.ternmq.broker.tx;

import io.ternmq.broker.store.MessageDraft;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * What the broker remembers of a stored half message, and the conversions between the message a producer sent,
 * the half message stored in {@link TransactionTopics#HALF_TOPIC}, and the real message a commit stores.
 *
 * @param halfId          broker id of the half message
 * @param producerGroup   the group whose live members answer check-backs
 * @param transactionId   the client's UNIQ_KEY
 * @param realTopic       topic the producer addressed
 * @param realQueueId     queue the producer addressed
 * @param storeTimestamp  when the half message was stored
 * @param immunityMs      age before the first check-back
 */
public record HalfMessage(String halfId, String producerGroup, String transactionId, String realTopic,
                          int realQueueId, long storeTimestamp, long immunityMs) {

    /** The half message read back from the store; null when it lacks the transaction properties. */
    public static HalfMessage of(StoredMessage m, long defaultTimeoutMs) {
        Map<String, String> p = m.properties();
        String realTopic = p.get(TransactionTopics.REAL_TOPIC);
        String group = p.get(MessageProperties.PRODUCER_GROUP);
        if (realTopic == null || group == null) {
            return null;
        }
        int queueId;
        try {
            queueId = Integer.parseInt(p.getOrDefault(TransactionTopics.REAL_QUEUE_ID, "0"));
        } catch (NumberFormatException e) {
            return null;
        }
        return new HalfMessage(m.messageId(), group, p.get(MessageProperties.UNIQ_KEY), realTopic, queueId,
                m.storeTimestamp(), immunityMs(p, defaultTimeoutMs));
    }

    /** transactionTimeOut, or the message's CHECK_IMMUNITY_TIME_IN_SECONDS when that is longer. */
    static long immunityMs(Map<String, String> properties, long defaultTimeoutMs) {
        String seconds = properties.get(MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS);
        if (seconds == null) {
            return defaultTimeoutMs;
        }
        try {
            return Math.max(defaultTimeoutMs, Math.multiplyExact(Long.parseLong(seconds.trim()), 1000L));
        } catch (NumberFormatException | ArithmeticException e) {
            return defaultTimeoutMs;
        }
    }

    /** When the first check-back is due. */
    public long firstCheckAt() {
        return storeTimestamp + immunityMs;
    }

    /**
     * The half message to store for a message a producer sent: the real topic and queue and the producer group
     * move into properties; a UNIQ_KEY is added when the client sent none (commit recovery finds the real
     * message by it).
     */
    static MessageDraft toHalf(MessageDraft sent, String realTopic, int realQueueId, String producerGroup,
                               String generatedId) {
        Map<String, String> p = new HashMap<>(sent.properties());
        p.put(TransactionTopics.REAL_TOPIC, realTopic);
        p.put(TransactionTopics.REAL_QUEUE_ID, Integer.toString(realQueueId));
        p.put(MessageProperties.PRODUCER_GROUP, producerGroup);
        p.putIfAbsent(MessageProperties.UNIQ_KEY, generatedId);
        return new MessageDraft(p, sent.body(), sent.bornTimestamp(), sent.flag(), sent.sysFlag(),
                sent.reconsumeTimes());
    }

    /**
     * The real message a commit stores: the half message's properties without the broker-private ones, plus
     * {@code TRAN_HALF_MSG_ID}, which lets recovery tell whether a commit already stored it.
     */
    static MessageDraft toReal(StoredMessage half) {
        Map<String, String> p = new HashMap<>(half.properties());
        p.remove(TransactionTopics.REAL_TOPIC);
        p.remove(TransactionTopics.REAL_QUEUE_ID);
        p.remove(MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS);
        p.put(MessageProperties.TRANSACTION_HALF_MESSAGE_ID, half.messageId());
        return new MessageDraft(p, half.body(), half.bornTimestamp(), half.flag(), half.sysFlag(), 0);
    }

    /** The copy stored in {@link TransactionTopics#PARKED_TOPIC}: everything, plus the half id and check count. */
    static MessageDraft toParked(StoredMessage half, int checkTimes) {
        Map<String, String> p = new HashMap<>(half.properties());
        p.put(MessageProperties.TRANSACTION_HALF_MESSAGE_ID, half.messageId());
        p.put(MessageProperties.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes));
        return new MessageDraft(p, half.body(), half.bornTimestamp(), half.flag(), half.sysFlag(), 0);
    }
}
