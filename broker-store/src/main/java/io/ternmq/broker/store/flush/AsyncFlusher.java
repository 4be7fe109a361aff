package io.ternmq.broker.store.flush;

import io.ternmq.broker.store.commitlog.CommitLog;
import io.ternmq.broker.store.commitlog.WriteGate;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * ASYNC_FLUSH: fsyncs the CommitLog every {@code flushIntervalCommitLogMs} on thread "store-flush-commitlog".
 * Appends are acknowledged once in the page cache, so a machine crash may lose up to one interval; a process
 * crash loses nothing. A failed fsync closes the store for writes.
 */
public final class AsyncFlusher implements CommitLogFlusher {
    private static final System.Logger LOG = System.getLogger(AsyncFlusher.class.getName());

    private final CommitLog log;
    private final WriteGate gate;
    private final long intervalMs;
    private volatile boolean running;
    private Thread thread;

    public AsyncFlusher(CommitLog log, WriteGate gate, long intervalMs) {
        this.log = log;
        this.gate = gate;
        this.intervalMs = Math.max(1, intervalMs);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "store-flush-commitlog");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(intervalMs));
            flushOnce();
        }
    }

    private void flushOnce() {
        if (gate.isFailed()) {
            return;
        }
        try {
            log.flush();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "CommitLog fsync failed; store is no longer writable", e);
            gate.fail("CommitLog fsync failed: " + e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushOnce();
    }
}
