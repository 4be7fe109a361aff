package io.ternmq.broker.store.dispatch;

import io.ternmq.broker.store.MessageArrivalListener;
import io.ternmq.broker.store.TagHash;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.DispatchFields;
import io.ternmq.broker.store.commitlog.RecordScanner;
import io.ternmq.broker.store.consumequeue.ConsumeQueue;
import io.ternmq.broker.store.consumequeue.ConsumeQueueEntry;
import io.ternmq.broker.store.consumequeue.ConsumeQueueTable;
import io.ternmq.broker.store.index.IndexKeys;
import io.ternmq.broker.store.index.IndexStore;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tails the CommitLog and turns each record into a ConsumeQueue entry and index items, then tells the
 * {@link MessageArrivalListener}. Runs on its own thread ("store-dispatcher"), woken by every append; when idle it
 * looks again only every {@value #IDLE_POLL_MS} ms as a safety net, so an idle broker costs next to no CPU (a 1 ms poll
 * was 4% of a core). Recovery uses {@link #dispatchUpTo} on the opening thread before the thread starts.
 *
 * <p>Re-dispatching a record whose ConsumeQueue entry already exists (its base offset is below the queue's max) is
 * skipped, so overlapping a region after recovery is harmless.
 */
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final int PUBLISH_EVERY = 512;
    /** How long an idle dispatcher parks; appends unpark it at once (see {@link #wakeup}). */
    private static final long IDLE_POLL_MS = 100;

    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexStore index;
    private final RecordScanner scanner;
    /** The record being dispatched, reused. */
    private final DispatchFields fields = new DispatchFields();
    private volatile MessageArrivalListener listener = (t, q, m, h) -> { };
    private volatile long dispatchedOffset;
    private volatile boolean running;
    /** Set while parked or about to park, so appends only pay for an unpark when it is needed. */
    private volatile boolean idle;
    private volatile Thread thread;
    private long corruptAt = -1;
    // Arrivals since the last publish, in primitive arrays so dispatching allocates nothing per record.
    private final ConsumeQueue[] arrivalQueues = new ConsumeQueue[PUBLISH_EVERY];
    private final long[] arrivalOffsets = new long[PUBLISH_EVERY];
    private final long[] arrivalTags = new long[PUBLISH_EVERY];
    private int arrivalCount;
    /** Records from here on need no CRC check when dispatched; see {@link #verifiedFrom}. */
    private long verifiedFrom = Long.MAX_VALUE;

    /** @param index null when message indexing is off */
    public Dispatcher(CommitLog log, ConsumeQueueTable queues, IndexStore index, long fromOffset) {
        this.log = log;
        this.queues = queues;
        this.index = index;
        this.scanner = new RecordScanner(log);
        this.dispatchedOffset = fromOffset;
    }

    public void setListener(MessageArrivalListener listener) {
        this.listener = listener == null ? (t, q, m, h) -> { } : listener;
    }

    /**
     * Recovery only, before {@link #start()}: every record from {@code offset} on was checked against its CRC by
     * recovery, or will be written by this process, so dispatching need not check it again (reads served to clients
     * still do). Records below it, dispatched again when indexes are rebuilt, are checked.
     */
    public void verifiedFrom(long offset) {
        this.verifiedFrom = offset;
    }

    /** Recovery only, before {@link #start()}. */
    public void resetTo(long offset) {
        this.dispatchedOffset = offset;
    }

    public long dispatchedOffset() {
        return dispatchedOffset;
    }

    public void start() {
        running = true;
        Thread t = new Thread(this::loop, "store-dispatcher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Waits (bounded) until everything below {@code target} is dispatched; used by deleteTopic so no record of
     * the topic is dispatched after its queues are gone.
     *
     * @return false when the deadline passed first
     */
    public boolean awaitDispatched(long target, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (dispatchedOffset < target) {
            if (System.nanoTime() > deadline || thread == null) {
                return false;
            }
            wakeup();
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
        return true;
    }

    /** Cheap; called after every append. */
    public void wakeup() {
        Thread t = thread;
        if (t != null && idle) {
            LockSupport.unpark(t);
        }
    }

    /** Stops the thread after it has dispatched what was written. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            boolean progressed = dispatchAvailable();
            if (!progressed) {
                idle = true;
                if (dispatchedOffset >= log.maxOffset()) { // re-check: an append may have raced the flag
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MS));
                }
                idle = false;
            }
        }
        dispatchAvailable();
    }

    private boolean dispatchAvailable() {
        long before = dispatchedOffset;
        try {
            dispatchUpTo(log.maxOffset());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "dispatch failed at CommitLog offset " + dispatchedOffset + "; will retry", e);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return dispatchedOffset != before;
    }

    /**
     * Dispatches every record below {@code limit}; stops early at damage (logged once). Entries are written in
     * groups: every {@value #PUBLISH_EVERY} records, and at the end, pending ConsumeQueue and index entries are
     * committed, then the dispatched offset moves and listeners are told, in that order, so neither the checkpoint
     * nor a woken consumer can get ahead of what is written.
     */
    public void dispatchUpTo(long limit) throws IOException {
        long position = dispatchedOffset;
        try {
            while (position < limit) {
                RecordScanner.Step step = scanner.nextForDispatch(position, limit, position < verifiedFrom, fields);
                switch (step.kind()) {
                    case RECORD -> apply(fields);
                    case BLANK -> { }
                    case END -> {
                        return;
                    }
                    case CORRUPT -> {
                        if (corruptAt != position) {
                            corruptAt = position;
                            LOG.log(Level.ERROR, "dispatcher stopped at damaged CommitLog data: " + step.problem());
                        }
                        return;
                    }
                }
                position = step.nextOffset();
                if (arrivalCount == PUBLISH_EVERY) {
                    publish(position);
                }
            }
        } finally {
            publish(position);
        }
    }

    private void publish(long position) throws IOException {
        for (int i = 0; i < arrivalCount; i++) {
            arrivalQueues[i].commit();
        }
        if (index != null) {
            index.commit();
        }
        dispatchedOffset = position;
        MessageArrivalListener l = listener;
        for (int i = 0; i < arrivalCount; i++) {
            try {
                l.arrived(arrivalQueues[i].topic(), arrivalQueues[i].queueId(), arrivalOffsets[i], arrivalTags[i]);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "arrival listener failed", e);
            }
            arrivalQueues[i] = null;
        }
        arrivalCount = 0;
    }

    private void apply(DispatchFields r) throws IOException {
        ConsumeQueue cq = queues.getOrCreate(r.topic(), r.queueId());
        if (r.baseQueueOffset() < cq.appendedMaxOffset()) {
            return; // already dispatched before a restart
        }
        long tagHash = TagHash.of(r.tags(0));
        int flags = r.multiTags() ? ConsumeQueueEntry.FLAG_MULTI_TAGS : 0;
        cq.append(new ConsumeQueueEntry(r.commitLogOffset(), r.totalSize(), flags, tagHash, r.baseQueueOffset(),
                r.messageCount(), r.storeTimestamp()));
        if (index != null) {
            indexMessages(r);
        }
        arrivalQueues[arrivalCount] = cq;
        arrivalOffsets[arrivalCount] = cq.appendedMaxOffset();
        arrivalTags[arrivalCount] = tagHash;
        arrivalCount++;
    }

    private void indexMessages(DispatchFields r) throws IOException {
        for (int i = 0; i < r.messageCount(); i++) {
            String keys = r.keys(i);
            if (keys != null) {
                for (String key : keys.split(" ")) {
                    if (!key.isEmpty()) {
                        index.append(IndexKeys.businessKey(r.topic(), key), r.commitLogOffset(), r.storeTimestamp(), i);
                    }
                }
            }
            String uniq = r.uniqKey(i);
            if (uniq != null && !uniq.isEmpty()) {
                index.append(IndexKeys.uniqKey(uniq), r.commitLogOffset(), r.storeTimestamp(), i);
            }
        }
    }
}
