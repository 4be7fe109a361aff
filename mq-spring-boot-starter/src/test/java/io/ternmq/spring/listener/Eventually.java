package io.ternmq.spring.listener;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, polling; fails with a message that says what was awaited. */
final class Eventually {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what.get());
            }
            sleep(20);
        }
    }

    static void await(BooleanSupplier condition, Supplier<String> what) {
        await(DEFAULT_TIMEOUT, condition, what);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
