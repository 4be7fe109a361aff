package io.ternmq.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a piece of a test on a new thread of its own rather than in the common fork-join pool, whose size depends on
 * the machine (one worker on 2 cores) and which other code in the JVM may be using.
 */
public final class AnotherThread {
    private AnotherThread() {
    }

    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, "test-another-thread");
            t.setDaemon(true);
            t.start();
        });
    }

    public static CompletableFuture<Void> run(Runnable work) {
        return supply(() -> {
            work.run();
            return null;
        });
    }
}
