package io.ternmq.outbox;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, instead of sleeping and hoping. */
public final class Await {
    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /** Like {@link #until(String, Duration, BooleanSupplier)}, adding {@code state} to the failure message. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        until(what, timeout, Duration.ofMillis(10), condition, state);
    }

    private static void until(String what, Duration timeout, Duration pollEvery, BooleanSupplier condition,
                              Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; " + state.get());
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /**
     * Waits until exactly one transaction of {@code ds}'s database waits for a row lock. Polls every 250 ms: InnoDB
     * serves {@code information_schema.innodb_trx} from a snapshot it refreshes only once nobody read it for 100 ms,
     * and polling faster was seen to return the same stale snapshot for good.
     */
    public static void lockWait(String what, DataSource ds) {
        until(what, Duration.ofSeconds(20), Duration.ofMillis(250), () -> Sql.lockWaits(ds) == 1,
                () -> Sql.lockState(ds));
    }
}
