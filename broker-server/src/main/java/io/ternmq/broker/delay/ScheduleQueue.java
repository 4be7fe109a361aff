package io.ternmq.broker.delay;

import io.ternmq.broker.store.MessageStore;
import io.ternmq.broker.store.ReadResult;
import io.ternmq.broker.store.ReadStatus;
import io.ternmq.broker.store.StoredMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One schedule queue in which every message waits the same {@code delayMs} after it was stored, so the queue is
 * FIFO by due time: {@link #drain} forwards the due prefix from the cursor and stops at the first message that is
 * not due. Reads at most {@link #BATCH} messages at a time, so memory does not grow with the number of waiting
 * messages.
 *
 * <p>Not thread-safe: drained by the schedule thread only.
 */
final class ScheduleQueue {
    private static final System.Logger LOG = System.getLogger(ScheduleQueue.class.getName());
    static final int BATCH = 32;
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final String topic;
    private final int queueId;
    private final long delayMs;

    ScheduleQueue(String topic, int queueId, long delayMs) {
        this.topic = topic;
        this.queueId = queueId;
        this.delayMs = delayMs;
    }

    /**
     * Forwards every message due at {@code now}, in order, waiting for each batch's appends before moving the
     * cursor past them. Stops early (cursor at the first unfinished message) when the store refuses for now.
     *
     * @return the number of messages forwarded or dropped
     */
    int drain(MessageStore store, DueMessageForwarder forwarder, ScheduleCursors cursors, long now) {
        long cursor = cursors.get(topic, queueId);
        if (cursor >= store.maxOffset(topic, queueId)) {
            return 0;
        }
        int moved = 0;
        while (true) {
            ReadResult read = store.read(topic, queueId, cursor, BATCH, MAX_BYTES, null);
            if (read.status() == ReadStatus.OFFSET_TOO_SMALL) {
                LOG.log(System.Logger.Level.WARNING, "schedule queue {0}-{1}: offsets {2}..{3} were deleted by "
                        + "retention before delivery", topic, queueId, cursor, read.minOffset());
                cursor = read.minOffset();
                cursors.set(topic, queueId, cursor);
                continue;
            }
            if (read.status() != ReadStatus.FOUND) {
                return moved;
            }
            List<StoredMessage> due = new ArrayList<>();
            for (StoredMessage m : read.messages()) {
                if (m.storeTimestamp() + delayMs > now) {
                    break;
                }
                due.add(m);
            }
            List<CompletableFuture<ForwardStatus>> forwarded = new ArrayList<>(due.size());
            for (StoredMessage m : due) {
                forwarded.add(forwarder.forward(m, now));
            }
            for (int i = 0; i < due.size(); i++) {
                if (forwarded.get(i).join() == ForwardStatus.RETRY_LATER) {
                    cursors.set(topic, queueId, cursor);
                    return moved;
                }
                cursor = due.get(i).queueOffset() + 1;
                moved++;
            }
            cursors.set(topic, queueId, cursor);
            if (due.size() < read.messages().size() || read.messages().size() < BATCH) {
                return moved;
            }
        }
    }

    @Override
    public String toString() {
        return topic + "-" + queueId + " (" + delayMs + " ms)";
    }
}
