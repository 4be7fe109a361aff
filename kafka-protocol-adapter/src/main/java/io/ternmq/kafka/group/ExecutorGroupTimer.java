package io.ternmq.kafka.group;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link GroupTimer}: a clock plus a scheduled executor owned by the caller (it shuts it down).
 * Thread-safe.
 */
public final class ExecutorGroupTimer implements GroupTimer {
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public ExecutorGroupTimer(Clock clock, ScheduledExecutorService executor) {
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    public long nowMs() {
        return clock.millis();
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
