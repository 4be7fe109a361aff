package io.ternmq.broker.tx;

/**
 * The hidden topics and the broker-private properties of transactional messages. Names follow RocketMQ's, so its
 * operators recognise them in topic lists and queries.
 */
public final class TransactionTopics {
    /** Half messages, queue 0, in arrival order. Never read by consumers of the real topic. */
    public static final String HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    /** Op records: one small record per resolution, check-back or parking, queue 0. */
    public static final String OP_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    /** Copies of half messages still unknown after transactionCheckMax check-backs, for operators. */
    public static final String PARKED_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";

    /** On a half message: the topic the producer addressed. */
    public static final String REAL_TOPIC = "REAL_TOPIC";
    /** On a half message: the queue id the producer addressed. */
    public static final String REAL_QUEUE_ID = "REAL_QID";

    private TransactionTopics() {
    }

    /** True for the three topics above, which producers may not send to directly. */
    public static boolean isSystemTopic(String topic) {
        return HALF_TOPIC.equals(topic) || OP_TOPIC.equals(topic) || PARKED_TOPIC.equals(topic);
    }
}
