package io.ternmq.sample.order;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds, failing after a deadline with what was awaited and the last value seen. */
final class Await {
    /** Generous: the machine running the tests may be slow and busy. */
    static final Duration DEFAULT = Duration.ofSeconds(45);

    private Await() {
    }

    static <T> T until(String what, Supplier<T> probe, Predicate<? super T> condition) {
        return until(what, DEFAULT, probe, condition);
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
