package io.ternmq.broker.tx;

import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.StoredMessage;
import io.ternmq.protocol.message.MessageProperties;

/**
 * Tells whether a commit of a half message already stored the real message (a crash hit between the real message
 * and the COMMIT op record). The real message carries {@code TRAN_HALF_MSG_ID}; it is looked up through the index
 * by the transaction's UNIQ_KEY, or, with indexing off, by scanning the real queue from the half message's store
 * time (a commit always comes after its half message).
 */
final class CommittedMessageProbe {
    /** Tolerance for a wall clock that stepped back between storing the half and the real message. */
    private static final long CLOCK_SLACK_MS = 60_000;
    private static final int MAX_KEY_HITS = 32;

    private final MessageStore store;
    private final boolean indexEnabled;

    CommittedMessageProbe(MessageStore store, boolean indexEnabled) {
        this.store = store;
        this.indexEnabled = indexEnabled;
    }

    boolean alreadyCommitted(HalfMessage half) {
        long from = half.storeTimestamp() - CLOCK_SLACK_MS;
        if (indexEnabled && half.transactionId() != null) {
            for (StoredMessage m : store.queryByKey(half.realTopic(), half.transactionId(), from, Long.MAX_VALUE,
                    MAX_KEY_HITS)) {
                if (isCommitOf(m, half)) {
                    return true;
                }
            }
            return false;
        }
        long offset = store.offsetForTimestamp(half.realTopic(), half.realQueueId(), from);
        return QueueScan.scan(store, half.realTopic(), half.realQueueId(), offset, m -> !isCommitOf(m, half));
    }

    private static boolean isCommitOf(StoredMessage m, HalfMessage half) {
        return half.halfId().equals(m.properties().get(MessageProperties.TRANSACTION_HALF_MESSAGE_ID));
    }
}
