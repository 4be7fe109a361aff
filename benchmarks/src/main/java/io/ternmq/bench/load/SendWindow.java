package io.ternmq.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The slots of one producer thread's async sends: at most {@code size} in flight. A thread that finds the window
 * full sleeps until {@code size / 8} slots are free again (at least one), not until the first one is.
 *
 * <p>Why not a {@link java.util.concurrent.Semaphore}: with a full window every answer would wake the thread for one
 * more send and it would go back to sleep at once, a park and an unpark per message (a sixth of the load tool's CPU
 * in profiles), which is the tool's cost, not the client's. Refilling in steps is what Kafka's producer does too
 * (a blocked {@code send} waits for a freed batch). The window never holds more than {@code size} sends.
 *
 * <p>Thread-safe for one acquiring thread and any number of releasing threads.
 */
final class SendWindow {
    private final int size;
    private final int refill;
    private final AtomicInteger free;
    private volatile Thread waiter;
    private volatile int wakeAt;

    SendWindow(int size) {
        this.size = size;
        this.refill = Math.max(1, size / 8);
        this.free = new AtomicInteger(size);
    }

    /** Takes a slot, sleeping while the window is full. */
    void acquire() throws InterruptedException {
        while (true) {
            int f = free.get();
            if (f > 0) {
                if (free.compareAndSet(f, f - 1)) {
                    return;
                }
                continue;
            }
            awaitFree(refill, Long.MAX_VALUE);
        }
    }

    /** Gives a slot back (any thread). */
    void release() {
        int f = free.incrementAndGet();
        Thread t = waiter;
        if (t != null && f >= wakeAt) {
            LockSupport.unpark(t);
        }
    }

    /** Waits until every slot is free; false when the timeout passed first. */
    boolean awaitAllFree(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitFree(size, System.nanoTime() + unit.toNanos(timeout));
    }

    private boolean awaitFree(int slots, long deadlineNanos) throws InterruptedException {
        wakeAt = slots;
        waiter = Thread.currentThread();
        try {
            // re-checked after waiter is set: a release that came before it saw no waiter and woke no one
            while (free.get() < slots) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            waiter = null;
        }
    }
}
