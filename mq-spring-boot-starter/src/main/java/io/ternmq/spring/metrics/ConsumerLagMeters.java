package io.ternmq.spring.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ternmq.spring.support.ConsumerLagReader;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gauge {@code mq.consumer.lag} (tag {@code group}): messages a listener group has not consumed yet, read from
 * the broker every {@code interval} on a thread of its own, for the groups the supplier names at that moment (the
 * application's listener containers). A group gets its gauge at its first poll. When the broker cannot be asked,
 * the gauges show NaN until the next successful poll, so a stale number is never mistaken for a current one.
 *
 * <p>Polls run between {@link #start()} and {@link #stop()}. Thread-safe.
 */
public final class ConsumerLagMeters implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(ConsumerLagMeters.class.getName());

    private final MeterRegistry registry;
    private final ConsumerLagReader reader;
    private final Supplier<Collection<String>> groups;
    private final Duration interval;
    private final Map<String, LagValue> values = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller; // guarded by this

    /** The last lag read for one group; NaN when the last read failed. */
    private static final class LagValue {
        volatile double lag = Double.NaN;
    }

    /**
     * @param groups   the listener groups to watch, asked at every poll
     * @param interval time between two polls
     */
    public ConsumerLagMeters(MeterRegistry registry, ConsumerLagReader reader, Supplier<Collection<String>> groups,
                             Duration interval) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.groups = Objects.requireNonNull(groups, "groups");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("mq.metrics.lag-poll-interval must be positive, got " + interval);
        }
        this.interval = interval;
    }

    /** Reads every group's lag once and updates its gauge. */
    public void poll() {
        for (String group : groups.get()) {
            LagValue value = values.computeIfAbsent(group, this::register);
            try {
                value.lag = reader.lag(group);
            } catch (RuntimeException e) {
                value.lag = Double.NaN;
                LOG.log(System.Logger.Level.DEBUG, "cannot read the lag of group " + group + ": " + e.getMessage());
            }
        }
    }

    private LagValue register(String group) {
        LagValue value = new LagValue();
        Gauge.builder("mq.consumer.lag", value, v -> v.lag).description("Messages the group has not consumed yet")
                .baseUnit("messages").tag("group", group).strongReference(true).register(registry);
        return value;
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ternmq-lag-meters");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a failing supplier must not end the schedule
            LOG.log(System.Logger.Level.WARNING, "consumer lag poll failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
