package io.ternmq.spring.outbox;

import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Deletes rows older than a retention period from one tx-outbox table, every {@code interval}, on a daemon thread
 * of its own (for example transaction-log rows after {@code mq.transaction.retention}). A failed round is logged and
 * the next one runs anyway. Several processes may purge one table at once.
 */
public final class ScheduledPurge implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(ScheduledPurge.class.getName());

    private final String table;
    private final ToIntFunction<Instant> purgeOlderThan;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService executor;

    /**
     * @param table          what is purged, for thread names and logs
     * @param purgeOlderThan deletes rows created before the given instant and returns how many
     */
    public ScheduledPurge(String table, ToIntFunction<Instant> purgeOlderThan, Duration retention, Duration interval,
                          Clock clock) {
        this.table = Objects.requireNonNull(table, "table");
        this.purgeOlderThan = Objects.requireNonNull(purgeOlderThan, "purgeOlderThan");
        this.retention = requirePositive(retention, "retention of " + table);
        this.interval = requirePositive(interval, "cleanup interval of " + table);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Duration requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    /** Deletes the expired rows now, on the calling thread; returns how many. */
    public int purgeNow() {
        return purgeOlderThan.applyAsInt(clock.instant().minus(retention));
    }

    private void round() {
        try {
            int deleted = purgeNow();
            if (deleted > 0) {
                LOG.log(System.Logger.Level.DEBUG, "deleted {0} expired row(s) of {1}", deleted, table);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "purge of " + table + " failed; next try in " + interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ternmq-purge-" + table);
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
