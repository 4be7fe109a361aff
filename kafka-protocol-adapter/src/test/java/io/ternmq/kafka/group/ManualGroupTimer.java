package io.ternmq.kafka.group;

import java.util.PriorityQueue;

/**
 * A {@link GroupTimer} whose clock only moves when the test calls {@link #advance}; due tasks then run on the test's
 * thread, in due-time order (ties in scheduling order), including tasks scheduled by tasks that are due by then.
 */
public final class ManualGroupTimer implements GroupTimer {
    private record Task(long dueMs, long seq, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.dueMs != b.dueMs
            ? Long.compare(a.dueMs, b.dueMs) : Long.compare(a.seq, b.seq));
    private long nowMs;
    private long seq;

    public ManualGroupTimer(long startMs) {
        this.nowMs = startMs;
    }

    @Override
    public synchronized long nowMs() {
        return nowMs;
    }

    @Override
    public synchronized Cancellable schedule(long delayMs, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(nowMs + Math.max(0, delayMs), seq++, task, cancelled));
        return () -> {
            synchronized (ManualGroupTimer.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward, running every task that falls due on the way, each at its own due time. */
    public void advance(long ms) {
        long target;
        synchronized (this) {
            target = nowMs + ms;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueMs > target) {
                    nowMs = target;
                    return;
                }
                tasks.poll();
                nowMs = Math.max(nowMs, next.dueMs);
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.action.run();
        }
    }

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized long pendingTasks() {
        return tasks.stream().filter(t -> !t.cancelled[0]).count();
    }
}
