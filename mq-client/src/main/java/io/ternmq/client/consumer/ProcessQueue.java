package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

import java.util.List;
import java.util.TreeMap;

/**
 * The client-side state of one queue a push consumer owns: messages pulled but not yet acknowledged (sorted by
 * offset), how many listener calls are running, and whether the queue has been dropped (given away by a rebalance
 * or shut down).
 *
 * <p>The offset to commit is the lowest unacknowledged offset ({@code firstKey} of the tree), or, with nothing
 * outstanding, the offset the last pull said to continue from. So a slow message holds the committed offset back
 * and a crash re-delivers it rather than losing it (at-least-once).
 *
 * <p>Dropping and starting a listener call are atomic with each other ({@link #tryBeginConsume()}), so once
 * {@link #drop()} returns no new call starts, and {@link #awaitIdle} waits for the running ones: the guarantee that
 * lets the next owner start without two members processing the same message at once.
 *
 * <p>Thread-safe: all state is guarded by {@code this}.
 */
final class ProcessQueue {
    private final MessageQueue messageQueue;
    private final TreeMap<Long, MessageExt> outstanding = new TreeMap<>();
    private long cachedBytes;
    private long pulledUpTo = -1;
    private int consuming;
    private boolean dropped;
    private long flowControlTimes;
    /** Orderly consumption: until when the broker lock counts as held (client-side validity); 0 = not locked. */
    private long lockValidUntilMs;

    ProcessQueue(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    MessageQueue messageQueue() {
        return messageQueue;
    }

    /** Sets where consumption starts; the commit offset until anything is pulled. */
    synchronized void start(long offset) {
        if (pulledUpTo < 0) {
            pulledUpTo = offset;
        }
    }

    /** Next offset to pull from, -1 before {@link #start}. */
    synchronized long nextPullOffset() {
        return pulledUpTo;
    }

    /**
     * Adds pulled messages and moves the pull position to {@code nextOffset} (which may skip filtered-out
     * offsets). Returns false when the queue was dropped meanwhile (the messages are then ignored).
     */
    synchronized boolean putMessages(List<MessageExt> messages, long nextOffset) {
        if (dropped) {
            return false;
        }
        for (MessageExt m : messages) {
            if (outstanding.put(m.queueOffset(), m) == null) {
                cachedBytes += m.bodyLength();
            }
        }
        pulledUpTo = Math.max(pulledUpTo, nextOffset);
        return true;
    }

    /** Resets the pull position after the broker said the offset was out of range. */
    synchronized void resetPullOffset(long offset) {
        pulledUpTo = offset;
    }

    /** Acknowledges messages; returns the new offset to commit. */
    synchronized long ack(List<MessageExt> messages) {
        for (MessageExt m : messages) {
            MessageExt removed = outstanding.remove(m.queueOffset());
            if (removed != null) {
                cachedBytes -= removed.bodyLength();
            }
        }
        return commitOffset();
    }

    /** The {@code max} lowest unacknowledged messages, in offset order (orderly consumption takes the head). */
    synchronized List<MessageExt> head(int max) {
        List<MessageExt> out = new java.util.ArrayList<>(Math.min(max, outstanding.size()));
        for (MessageExt m : outstanding.values()) {
            if (out.size() >= max) {
                break;
            }
            out.add(m);
        }
        return out;
    }

    /** Orderly: the broker granted or renewed the lock; it counts as held until {@code validUntilMs}. */
    synchronized void lockGranted(long validUntilMs) {
        lockValidUntilMs = Math.max(lockValidUntilMs, validUntilMs);
    }

    /** Orderly: the lock is gone (not renewed by the broker). */
    synchronized void lockLost() {
        lockValidUntilMs = 0;
    }

    /** Orderly: whether this member may consume the queue at {@code nowMs}. */
    synchronized boolean isLockValid(long nowMs) {
        return nowMs < lockValidUntilMs;
    }

    /** Lowest unacknowledged offset, or the pull position when nothing is outstanding; -1 before start. */
    synchronized long commitOffset() {
        return outstanding.isEmpty() ? pulledUpTo : outstanding.firstKey();
    }

    synchronized int cachedCount() {
        return outstanding.size();
    }

    synchronized long cachedBytes() {
        return cachedBytes;
    }

    synchronized void flowControlled() {
        flowControlTimes++;
    }

    synchronized long flowControlTimes() {
        return flowControlTimes;
    }

    /** Marks the start of a listener call; false when dropped, in which case the call must not happen. */
    synchronized boolean tryBeginConsume() {
        if (dropped) {
            return false;
        }
        consuming++;
        return true;
    }

    synchronized void endConsume() {
        consuming--;
        if (consuming == 0) {
            notifyAll();
        }
    }

    /** Stops the queue: no pull result is accepted and no listener call starts after this returns. */
    synchronized void drop() {
        dropped = true;
    }

    synchronized boolean isDropped() {
        return dropped;
    }

    /** Waits until no listener call is running (after {@link #drop()}); false on timeout. */
    synchronized boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (consuming > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized int consumingCount() {
        return consuming;
    }

    @Override
    public synchronized String toString() {
        return "ProcessQueue{" + messageQueue + ", cached=" + outstanding.size() + ", commit=" + commitOffset()
                + ", consuming=" + consuming + ", dropped=" + dropped + '}';
    }
}
