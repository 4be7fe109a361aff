package io.ternmq.kafka.server.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs independent reads on the calling thread and, when it is free, on a helper pool, and returns their results in
 * order. Why: a Kafka fetch usually covers several partitions, and building each partition's batches (copy + CRC)
 * is CPU work while the consumer waits idle for the whole response; spreading it over a second core shortens the
 * fetch. Every read is offered to the helpers and then claimed by whichever thread gets to it first, the caller
 * working through them in order; so the caller never waits for a read that has not started, and a busy or shut
 * down pool only means the caller does the work itself (no deadlock, even when the caller is a helper thread).
 *
 * <p>Thread-safe; the reads must be safe to run on any thread.
 */
final class SharedReads {
    private SharedReads() {
    }

    /**
     * @param release applied to the results that were read when another read failed, before its exception is
     *                rethrown, so no result leaks
     */
    static <T> List<T> run(List<Supplier<T>> reads, Executor helpers, Consumer<T> release) {
        List<Claimable<T>> tasks = new ArrayList<>(reads.size());
        for (Supplier<T> read : reads) {
            tasks.add(new Claimable<>(read));
        }
        for (int i = 1; i < tasks.size(); i++) { // the caller starts with the first one itself
            try {
                helpers.execute(tasks.get(i)::runIfUnclaimed);
            } catch (RejectedExecutionException shuttingDown) {
                break; // the caller claims the rest
            }
        }
        List<T> results = new ArrayList<>(tasks.size());
        RuntimeException failure = null;
        for (Claimable<T> task : tasks) {
            task.runIfUnclaimed();
            try {
                results.add(task.result.join());
            } catch (CompletionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            results.forEach(release);
            throw failure;
        }
        return results;
    }

    /** A read that runs once, on the first thread that claims it. */
    private static final class Claimable<T> {
        final Supplier<T> read;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<T> result = new CompletableFuture<>();

        Claimable(Supplier<T> read) {
            this.read = read;
        }

        void runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(read.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }
}
