package io.ternmq.kafka.server.data;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.core.BrokerCore;
import io.ternmq.broker.store.MessageStore;
import io.ternmq.kafka.producer.ProducerIdAllocator;
import io.ternmq.kafka.producer.ProducerStateTable;
import io.ternmq.kafka.producer.StoreProducerLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the data-path handlers share for the life of the Kafka listener: producer id allocation and idempotent
 * producer state (persisted under {@code <storePathRootDir>/kafka}), the waiting fetches, and two small thread pools:
 * a timer (fetch timeouts, producer state snapshots every {@link #SNAPSHOT_INTERVAL}, idle producer expiry) and the
 * fetch threads (woken fetches continue on them; they also read partitions of a fetch in parallel).
 *
 * <p>Lifecycle: created when the handler table is built, subscribed to the broker's message arrivals;
 * {@link #close} (through the handler table, after requests stopped being processed) answers every waiting fetch,
 * stops the threads and writes the final producer state snapshot. Thread-safe.
 */
public final class KafkaDataPath implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaDataPath.class.getName());
    /** How often the producer state is written when it changed. */
    static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(10);
    /** Producer ids reserved per write of the id block file. */
    static final int PRODUCER_ID_BLOCK = 1000;
    private static final int WAKE_THREADS = 2;
    /** Longest a produce response waits for its records to become readable; the dispatcher normally takes a ms. */
    private static final long VISIBILITY_WAIT_MS = 10_000;

    private final BrokerCore core;
    private final ProducerIdAllocator producerIds;
    private final ProducerStateTable producerStates;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService wakers;
    private final FetchWaiters fetchWaiters;
    private final VisibilityWaits visibilityWaits;
    private final Runnable unsubscribe;
    private final Runnable unsubscribeVisibility;
    private final int maxMessageSize;
    private final int fetchMaxWaitCapMs;
    private boolean closed;

    private KafkaDataPath(BrokerCore core, Path dir) {
        this.core = core;
        MessageStore store = core.messages().store();
        this.producerIds = new ProducerIdAllocator(dir, PRODUCER_ID_BLOCK);
        // replays the batches stored since the last snapshot (after a crash) before any produce is served
        this.producerStates = ProducerStateTable.open(dir, core.clock()::millis, ProducerStateTable.DEFAULT_EXPIRY,
                new StoreProducerLog(store, core.topics()::names));
        this.timer = new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory("ternmq-kafka-timer", true));
        timer.setRemoveOnCancelPolicy(true);
        this.wakers = Executors.newFixedThreadPool(WAKE_THREADS, new DefaultThreadFactory("ternmq-kafka-fetch", true));
        this.fetchWaiters = new FetchWaiters(store::maxOffset, timer, wakers);
        this.visibilityWaits = new VisibilityWaits(store::maxOffset, System::currentTimeMillis, VISIBILITY_WAIT_MS);
        this.maxMessageSize = core.config().get(BrokerConfigKeys.MAX_MESSAGE_SIZE);
        this.fetchMaxWaitCapMs = core.config().get(BrokerConfigKeys.KAFKA_FETCH_MAX_WAIT_CAP_MS);
        long every = SNAPSHOT_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::snapshot, every, every, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(producerStates::expireIdle, 60_000, 60_000, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sweepVisibilityWaits, 1_000, 1_000, TimeUnit.MILLISECONDS);
        this.unsubscribe = core.arrivals().subscribe(fetchWaiters);
        this.unsubscribeVisibility = core.arrivals().subscribe(visibilityWaits);
    }

    /** Opens the producer state in {@code <storePathRootDir>/kafka} and starts the threads. */
    public static KafkaDataPath open(BrokerCore core) {
        Path dir = core.config().storePathRootDir().resolve("kafka");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new KafkaDataPath(core, dir);
    }

    public BrokerCore core() {
        return core;
    }

    public ProducerIdAllocator producerIds() {
        return producerIds;
    }

    public ProducerStateTable producerStates() {
        return producerStates;
    }

    public FetchWaiters fetchWaiters() {
        return fetchWaiters;
    }

    /** Produce's read-your-writes waits. */
    public VisibilityWaits visibilityWaits() {
        return visibilityWaits;
    }

    /**
     * The fetch threads: where woken fetches continue, and helpers that read some partitions of a fetch in
     * parallel. Rejects work once the listener closes.
     */
    public Executor fetchThreads() {
        return wakers;
    }

    /** The broker's {@code maxMessageSize}: the largest record batch a Produce may carry. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** {@code kafkaFetchMaxWaitCapMs}: the longest a Fetch waits, whatever its {@code max_wait_ms}. */
    public int fetchMaxWaitCapMs() {
        return fetchMaxWaitCapMs;
    }

    private void sweepVisibilityWaits() {
        int late = visibilityWaits.sweep();
        if (late > 0) {
            LOG.log(System.Logger.Level.WARNING, late + " produce responses waited more than " + VISIBILITY_WAIT_MS
                    + " ms for their records to become readable; answered as stored");
        }
    }

    private void snapshot() {
        try {
            producerStates.snapshot();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot write the Kafka producer state snapshot; will retry", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        unsubscribe.run();
        unsubscribeVisibility.run();
        fetchWaiters.close();
        visibilityWaits.close();
        timer.shutdownNow();
        wakers.shutdown();
        try {
            if (!wakers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Kafka fetch threads did not stop in time");
                wakers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producerStates.close();
    }
}
