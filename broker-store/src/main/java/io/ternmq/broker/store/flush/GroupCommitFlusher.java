package io.ternmq.broker.store.flush;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.WriteGate;
import io.ternmq.broker.store.io.GroupCommitGather;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * SYNC_FLUSH with group commit. Each append, after its write, submits a request for "flushed past my end offset".
 * Thread "store-group-commit" takes every request waiting, runs one fsync that covers the write position at that
 * moment (so all of them), and hands them to the {@link FlushAcknowledger}, which completes them on its own thread
 * while the next fsync already runs: N concurrent appends share one fsync.
 *
 * <p>Why a short gather before each fsync: appenders that wait for their ack (a sync sender, a JMH thread) come
 * back a few tens of microseconds after being released. Without waiting for them, the first one to return starts
 * an fsync alone and the rest miss it and wait a whole fsync: the appenders split into two alternating halves and
 * N of them get exactly N/2 appends per fsync (measured). So when the previous fsync released {@code k > 1}
 * appends, the thread waits until {@code k} more requests than were already waiting have arrived, or at most a
 * fraction of the last fsync's duration ({@link GroupCommitGather}: a quarter, at most 1 ms). A single appender
 * (k = 1) never waits. The gather is kept only while it pays off (at least half of the released appends arrive within it);
 * appenders that come back through a network round trip miss the window, and then it is tried again only every
 * {@value #REPROBE_GATHER_EVERY} fsyncs, so it costs them at most one window now and then.
 *
 * <p>An append whose fsync has not completed within {@code syncFlushTimeoutMs} completes with
 * {@link AppendStatus#FLUSH_DISK_TIMEOUT} (the write may still become durable). A failed fsync closes the store for
 * writes; waiting appends complete with FLUSH_DISK_TIMEOUT because their bytes were written but are of unknown
 * durability.
 *
 * <p>Thread-safe: {@link #submit} from any thread (lock-free), the rest on the two service threads.
 */
public final class GroupCommitFlusher implements CommitLogFlusher {
    private static final System.Logger LOG = System.getLogger(GroupCommitFlusher.class.getName());
    /** While gathering does not pay off, try it again every this many fsyncs. */
    static final int REPROBE_GATHER_EVERY = 16;
    private static final int NO_WAKE = Integer.MAX_VALUE;

    private final CommitLog log;
    private final WriteGate gate;
    private final long timeoutMs;
    private final long timeoutNanos;
    private final GroupCommitGather gatherWindow;
    private final ConcurrentLinkedQueue<FlushRequest> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final FlushAcknowledger acknowledger;
    /** Submitters unpark the fsync thread once {@link #waitingCount} reaches this; NO_WAKE while it is busy. */
    private volatile int wakeAt = NO_WAKE;
    /** The batch being fsynced, visible to the acknowledger's timeout scan; never mutated once published. */
    private volatile List<FlushRequest> inFlight = List.of();
    private volatile boolean running;
    private volatile Thread thread;
    private long lastFsyncNanos;
    private long releasedAtNanos;
    /** Requests already waiting when the last batch was released (fsync thread only). */
    private int waitingAtRelease;

    public GroupCommitFlusher(CommitLog log, WriteGate gate, long timeoutMs, GroupCommitGather gatherWindow) {
        this.log = log;
        this.gatherWindow = gatherWindow;
        this.gate = gate;
        this.timeoutMs = timeoutMs;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        this.acknowledger = new FlushAcknowledger(timeoutMs, this::expireOverdue);
    }

    /** @return completes with {@code ok} once {@code endOffset} is flushed, or with FLUSH_DISK_TIMEOUT */
    public CompletableFuture<AppendResult> submit(long endOffset, AppendResult ok) {
        FlushRequest request = new FlushRequest(endOffset, ok, System.nanoTime() + timeoutNanos);
        waiting.add(request);
        if (waitingCount.incrementAndGet() >= wakeAt) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
        return request.future;
    }

    @Override
    public void start() {
        running = true;
        acknowledger.start();
        Thread t = new Thread(this::loop, "store-group-commit");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        int released = 0;
        boolean gatherPaysOff = true;
        int cyclesSinceGather = 0;
        while (running || waitingCount.get() > 0) {
            if (waitingCount.get() == 0) {
                awaitCount(1, Long.MAX_VALUE);
                // The released appenders start coming back: still gather them, unless this is new traffic after
                // a pause longer than the window (then the last batch says nothing about who comes next).
                if (System.nanoTime() - releasedAtNanos > gatherWindow.windowNanos(lastFsyncNanos)) {
                    released = 0;
                }
                continue;
            }
            if (released > 1 && running && (gatherPaysOff || ++cyclesSinceGather >= REPROBE_GATHER_EVERY)) {
                cyclesSinceGather = 0;
                // Counted from the release, not from now: with inline completion many are back already.
                long gather = gatherWindow.windowNanos(lastFsyncNanos);
                awaitCount(waitingAtRelease + released, System.nanoTime() + gather);
                // Appenders that come back through a network round trip miss the window; then the wait only adds
                // latency, so stop gathering until a later probe finds most of them back in time again.
                gatherPaysOff = 2 * (waitingCount.get() - waitingAtRelease) >= released;
            }
            List<FlushRequest> batch = drain();
            commit(batch);
            released = batch.size();
        }
    }

    /** Parks until {@code count} requests wait, the deadline passes or the flusher stops. */
    private void awaitCount(int count, long deadlineNanos) {
        wakeAt = count;
        while (running && waitingCount.get() < count) {
            long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (left == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, left);
            }
        }
        wakeAt = NO_WAKE;
    }

    private List<FlushRequest> drain() {
        List<FlushRequest> batch = new ArrayList<>(Math.max(8, waitingCount.get()));
        FlushRequest r;
        while ((r = waiting.poll()) != null) {
            batch.add(r);
        }
        waitingCount.addAndGet(-batch.size());
        return batch;
    }

    private void commit(List<FlushRequest> batch) {
        if (gate.isFailed()) {
            acknowledger.handOffFailed(batch, "store failed: " + gate.fatalError());
            return;
        }
        inFlight = batch;
        try {
            long t0 = System.nanoTime();
            // Every request in the batch was written before it was submitted, so the write position read by
            // flush() now is past all of them.
            long flushed = log.flush();
            releasedAtNanos = System.nanoTime();
            lastFsyncNanos = releasedAtNanos - t0;
            inFlight = List.of();
            waitingAtRelease = waitingCount.get();
            if (waitingAtRelease == 0) {
                // Nothing for the next fsync yet: completing here costs no one anything and saves a thread hop.
                FlushAcknowledger.complete(batch, flushed);
            } else {
                acknowledger.handOff(batch, flushed);
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, "CommitLog fsync failed; store is no longer writable", e);
            gate.fail("CommitLog fsync failed: " + e);
            acknowledger.handOffFailed(batch, "fsync failed: " + e);
        } finally {
            inFlight = List.of();
        }
    }

    /** On the acknowledger's thread: times out requests in the fsync under way and those still waiting. */
    private void expireOverdue(long nowNanos) {
        for (FlushRequest r : inFlight) {
            r.expire(nowNanos, timeoutMs);
        }
        // Oldest first: stop at the first request still in time (submission order is nearly deadline order).
        for (FlushRequest r : waiting) {
            if (!r.expire(nowNanos, timeoutMs)) {
                break;
            }
        }
    }

    @Override
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
        acknowledger.stop();
    }
}
