package io.ternmq.broker.tx;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CheckBackRunner#runOnce} on its own daemon thread ("ternmq-tx-check") every tick. A round that
 * throws is logged and the next one runs anyway. Tests that control the clock call the runner directly.
 */
public final class TransactionCheckScheduler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionCheckScheduler.class.getName());

    private final CheckBackRunner runner;
    private final long tickMs;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ternmq-tx-check");
        t.setDaemon(true);
        return t;
    });

    public TransactionCheckScheduler(CheckBackRunner runner, long tickMs) {
        this.runner = runner;
        this.tickMs = tickMs;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            runner.runOnce();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "transaction check round failed; next round in " + tickMs + " ms", t);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
