package io.ternmq.kafka.group;

/**
 * Time for the group coordinator: the current time and one-shot delayed tasks (session expiry, rebalance timeout,
 * initial rebalance delay). Tests pass a manual implementation whose clock they move, so no test waits.
 *
 * <p>Implementations must be thread-safe. Tasks may run on any thread; they take the group's lock themselves.
 */
public interface GroupTimer {
    /** Milliseconds on this timer's clock. */
    long nowMs();

    /** Runs the task once, {@code delayMs} from now, unless cancelled first. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task. */
    interface Cancellable {
        /** Prevents the task from running if it has not started; no effect afterwards. */
        void cancel();
    }
}
