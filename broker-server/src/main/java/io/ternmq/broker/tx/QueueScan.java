package io.ternmq.broker.tx;

import io.ternmq.broker.store.MessageFilter;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.StoredMessage;

import java.util.function.Predicate;

/** Reads one queue of the store from an offset to its end, in pages. */
final class QueueScan {
    private static final int PAGE_MESSAGES = 256;
    private static final int PAGE_BYTES = 4 * 1024 * 1024;

    private QueueScan() {
    }

    /**
     * Hands each message to {@code visitor} until it returns false or the queue ends.
     *
     * @return true when the visitor stopped the scan
     */
    static boolean scan(MessageStore store, String topic, int queueId, long from, Predicate<StoredMessage> visitor) {
        long offset = Math.max(from, store.minOffset(topic, queueId));
        long end = store.maxOffset(topic, queueId);
        while (offset < end) {
            ReadResult page = store.read(topic, queueId, offset, PAGE_MESSAGES, PAGE_BYTES, MessageFilter.ACCEPT_ALL);
            for (StoredMessage m : page.messages()) {
                if (!visitor.test(m)) {
                    return true;
                }
            }
            if (page.nextOffset() <= offset) {
                break; // nothing readable past here (retention raced the scan)
            }
            offset = page.nextOffset();
        }
        return false;
    }
}
