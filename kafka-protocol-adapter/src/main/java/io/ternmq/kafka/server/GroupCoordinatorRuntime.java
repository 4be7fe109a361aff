package io.ternmq.kafka.server;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.kafka.group.BrokerCommittedOffsets;
import io.ternmq.kafka.group.ExecutorGroupTimer;
import io.ternmq.kafka.group.GroupConfig;
import io.ternmq.kafka.group.GroupCoordinator;

import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The Kafka listener's group coordinator with the one timer thread ({@code ternmq-kafka-group-timer}) that expires
 * sessions and ends rebalances. Started with the handler table and closed with it ({@link ApiHandlers#closeWith}),
 * that is with the listener. Committed
 * offsets live in the broker's consumer offset store ({@link BrokerCommittedOffsets}), so they outlive this object.
 *
 * <p>Timers run on the system clock, not the broker's configurable clock: their delays are real time on the
 * executor, and a clock that does not move with them would never let a session expire.
 *
 * <p>Thread-safe; {@link #close} once, after the workers stopped (pending JoinGroup/SyncGroup futures are then never
 * answered: their connections close right after).
 */
public final class GroupCoordinatorRuntime implements AutoCloseable {
    /** Kafka's {@code offset.metadata.max.bytes} default. */
    private static final int MAX_COMMITTED_METADATA_BYTES = 4096;

    private final ScheduledThreadPoolExecutor timerThread;
    private final GroupCoordinator coordinator;

    private GroupCoordinatorRuntime(ScheduledThreadPoolExecutor timerThread, GroupCoordinator coordinator) {
        this.timerThread = timerThread;
        this.coordinator = coordinator;
    }

    /**
     * Starts the timer thread and builds the coordinator from the {@code kafkaGroupMinSessionTimeoutMs},
     * {@code kafkaGroupMaxSessionTimeoutMs} and {@code kafkaGroupInitialRebalanceDelayMs} settings.
     */
    public static GroupCoordinatorRuntime start(BrokerCore core) {
        BrokerConfig settings = core.config();
        GroupConfig config = new GroupConfig(settings.get(BrokerConfigKeys.KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS),
                settings.get(BrokerConfigKeys.KAFKA_GROUP_MAX_SESSION_TIMEOUT_MS),
                settings.get(BrokerConfigKeys.KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS), MAX_COMMITTED_METADATA_BYTES);
        ScheduledThreadPoolExecutor timerThread = new ScheduledThreadPoolExecutor(1,
                new DefaultThreadFactory("ternmq-kafka-group-timer", true));
        // cancelled expiry and rebalance tasks would otherwise stay queued until their (minutes away) deadline
        timerThread.setRemoveOnCancelPolicy(true);
        return new GroupCoordinatorRuntime(timerThread, new GroupCoordinator(config,
                new ExecutorGroupTimer(Clock.systemUTC(), timerThread), BrokerCommittedOffsets.of(core)));
    }

    public GroupCoordinator coordinator() {
        return coordinator;
    }

    /** Stops the timers; membership is memory only and is gone (members rejoin after a restart). */
    @Override
    public void close() {
        timerThread.shutdownNow();
    }
}
