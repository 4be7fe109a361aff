package io.ternmq.spring.transaction.crash;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where {@link CrashingOrderApp} halts: the three gaps of a transactional send. Once {@link #arm armed}, the first
 * {@code parties} threads to reach the armed point print {@code in-flight <POINT> <order key>}, wait (briefly) for
 * each other so that several orders are caught in the same state, and the process halts with exit code 137, as after
 * {@code kill -9}: no END_TX, no rollback, no unregistering from the broker.
 */
enum CrashPoint {
    /** The half message is stored by the broker; the transaction-log row is not inserted yet. */
    AFTER_HALF_BEFORE_LOG_INSERT,
    /** Business row and transaction-log row are inserted; the local transaction is not committed. */
    AFTER_LOG_INSERT_BEFORE_COMMIT,
    /** The local transaction committed; END_TX COMMIT was not sent. */
    AFTER_COMMIT_BEFORE_END_TX;

    /** The order key of the calling thread's transaction, for the in-flight report. */
    static final ThreadLocal<String> CURRENT_ORDER = new ThreadLocal<>();

    private static volatile CrashPoint armed;
    private static volatile CountDownLatch together;

    /** From now on, reaching {@code point} halts the process once {@code parties} threads reached it (or 2 s passed). */
    static void arm(CrashPoint point, int parties) {
        together = new CountDownLatch(parties);
        armed = point;
    }

    /** Called by the hooks: halts when this point is armed. */
    void reached() {
        if (armed != this) {
            return;
        }
        System.out.println("in-flight " + name() + " " + CURRENT_ORDER.get());
        System.out.flush();
        CountDownLatch latch = together;
        latch.countDown();
        try {
            // short: a transaction must stay under the local-transaction timeout the test sets (5 s)
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(137);
    }
}
