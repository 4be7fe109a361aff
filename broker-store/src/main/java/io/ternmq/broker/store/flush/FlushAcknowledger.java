package io.ternmq.broker.store.flush;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Completes SYNC_FLUSH appends on thread "store-group-commit-ack", so the fsync thread never runs what waits on
 * them. Those dependents can be costly (in the broker they encode and write the SEND response); run on the fsync
 * thread they would delay the next fsync, here the next fsync overlaps them. One wake-up per fsync, not per
 * append.
 *
 * <p>It also enforces {@code syncFlushTimeoutMs}: every tick it expires the overdue requests it is shown by the
 * {@link Overdue} callback, even while an fsync hangs. This replaces a timer per append
 * ({@code CompletableFuture.completeOnTimeout}), whose scheduling and cancelled-task churn cost every append.
 *
 * <p>Thread-safe: {@link #handOff} from the fsync thread, everything else on its own thread.
 */
final class FlushAcknowledger {
    /** Scans the requests not yet acknowledged and expires those past their deadline. */
    @FunctionalInterface
    interface Overdue {
        void expire(long nowNanos);
    }

    private record Flushed(List<FlushRequest> batch, long flushedOffset, String failure) {
    }

    private final LinkedBlockingQueue<Flushed> flushed = new LinkedBlockingQueue<>();
    private final Overdue overdue;
    private final long tickMs;
    private volatile boolean running;
    private Thread thread;

    FlushAcknowledger(long timeoutMs, Overdue overdue) {
        this.overdue = overdue;
        // A tenth of the timeout keeps FLUSH_DISK_TIMEOUT within 10 % of its setting at a few wake-ups a second.
        this.tickMs = Math.max(1, Math.min(50, timeoutMs / 10));
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "store-group-commit-ack");
        thread.setDaemon(true);
        thread.start();
    }

    /** The fsync covering {@code batch} reached {@code flushedOffset}. */
    void handOff(List<FlushRequest> batch, long flushedOffset) {
        flushed.add(new Flushed(batch, flushedOffset, null));
    }

    /** The fsync covering {@code batch} did not happen; each request fails with {@code reason}. */
    void handOffFailed(List<FlushRequest> batch, String reason) {
        flushed.add(new Flushed(batch, -1, reason));
    }

    private void loop() {
        while (running || !flushed.isEmpty()) {
            try {
                Flushed f = flushed.poll(tickMs, TimeUnit.MILLISECONDS);
                while (f != null) {
                    complete(f);
                    f = flushed.poll();
                }
                overdue.expire(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void complete(Flushed f) {
        if (f.failure == null) {
            complete(f.batch, f.flushedOffset);
        } else {
            for (FlushRequest r : f.batch) {
                r.fail(f.failure);
            }
        }
    }

    /** Completes a flushed batch on the calling thread. */
    static void complete(List<FlushRequest> batch, long flushedOffset) {
        for (FlushRequest r : batch) {
            try {
                r.acknowledge(flushedOffset);
            } catch (RuntimeException e) {
                // Defensive: CompletableFuture captures its dependents' exceptions, but the rest must complete.
                System.getLogger(FlushAcknowledger.class.getName()).log(System.Logger.Level.ERROR,
                        "completing a flushed append failed", e);
            }
        }
    }

    /** Stops after completing everything handed off; call after the fsync thread has stopped. */
    void stop() {
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
