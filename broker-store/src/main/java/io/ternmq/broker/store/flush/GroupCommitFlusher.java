package io.ternmq.broker.store.flush;

import io.ternmq.broker.store.AppendResult;
import io.ternmq.broker.store.AppendStatus;
import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.WriteGate;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * SYNC_FLUSH with group commit on thread "store-group-commit". Each append, after its write, submits a request
 * for "flushed past my end offset". The thread takes every request waiting, runs one fsync that covers the write
 * position at that moment (so all of them), and completes them together: N concurrent appends share one fsync.
 *
 * <p>An append whose fsync has not completed within {@code syncFlushTimeoutMs} completes with
 * {@link AppendStatus#FLUSH_DISK_TIMEOUT} (the write may still become durable). A failed fsync closes the store for
 * writes; waiting appends complete with FLUSH_DISK_TIMEOUT because their bytes were written but are of unknown
 * durability.
 */
public final class GroupCommitFlusher implements CommitLogFlusher {
    private static final System.Logger LOG = System.getLogger(GroupCommitFlusher.class.getName());

    private record Request(long endOffset, AppendResult result, CompletableFuture<AppendResult> future) {
    }

    private final CommitLog log;
    private final WriteGate gate;
    private final long timeoutMs;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    public GroupCommitFlusher(CommitLog log, WriteGate gate, long timeoutMs) {
        this.log = log;
        this.gate = gate;
        this.timeoutMs = timeoutMs;
    }

    /** @return completes with {@code ok} once {@code endOffset} is flushed, or with FLUSH_DISK_TIMEOUT */
    public CompletableFuture<AppendResult> submit(long endOffset, AppendResult ok) {
        CompletableFuture<AppendResult> future = new CompletableFuture<>();
        future.completeOnTimeout(timedOut(ok, "fsync did not complete within " + timeoutMs + " ms"), timeoutMs,
                TimeUnit.MILLISECONDS);
        requests.add(new Request(endOffset, ok, future));
        return future;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "store-group-commit");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        List<Request> batch = new ArrayList<>();
        while (running || !requests.isEmpty()) {
            try {
                Request first = requests.poll(10, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                requests.drainTo(batch);
                commit(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Request> batch) {
        if (gate.isFailed()) {
            batch.forEach(r -> r.future.complete(timedOut(r.result, "store failed: " + gate.fatalError())));
            return;
        }
        try {
            long flushed = log.flush();
            for (Request r : batch) {
                r.future.complete(r.endOffset <= flushed ? r.result
                        : timedOut(r.result, "flushed only to " + flushed));
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, "CommitLog fsync failed; store is no longer writable", e);
            gate.fail("CommitLog fsync failed: " + e);
            batch.forEach(r -> r.future.complete(timedOut(r.result, "fsync failed: " + e)));
        }
    }

    private static AppendResult timedOut(AppendResult ok, String message) {
        return new AppendResult(AppendStatus.FLUSH_DISK_TIMEOUT, ok.commitLogOffset(), ok.baseQueueOffset(),
                ok.messageCount(), ok.messageIds(), ok.storeTimestamp(), message);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
