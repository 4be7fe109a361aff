package io.ternmq.outbox.relay;

import io.ternmq.client.producer.Producer;
import io.ternmq.outbox.OutboxDatabase;
import io.ternmq.outbox.UtcTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sends committed outbox rows to the broker and marks them sent only after the broker acknowledged them (a crash in
 * between sends a row again: at least once). Rows of one hash key go out one at a time in id order; a failed row is
 * retried with back-off and holds back later rows of its key. Sent rows are deleted after {@code retention}. Several
 * relays (processes) may poll one table: rows are locked with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p><b>Delivery contract.</b> A row is marked SENT in the same transaction that locked it, after the broker's
 * acknowledgement. If the process dies, the connection drops or the commit fails after the broker stored the message
 * but before the row's commit, the row is still PENDING and is sent again: every committed row is delivered at least
 * once, occasionally twice, each time with a new message id. Consumers must therefore deduplicate by a business key
 * (for example with {@link io.ternmq.outbox.idempotency.IdempotencyStore}). A rolled-back business transaction
 * leaves no row and nothing is sent.
 *
 * <p><b>Rounds.</b> Each round ({@link #relayOnce}) is one READ COMMITTED transaction that locks up to
 * {@code batchSize} due PENDING rows in id order, skipping rows other relays hold, sends them one by one (waiting
 * for each acknowledgement) and marks each SENT with the broker's message id and the send time. READ COMMITTED,
 * because under REPEATABLE READ the locking scan would also lock the gap behind the last PENDING row, and every
 * application transaction appending to the outbox would wait for the round to finish.
 *
 * <p><b>Order.</b> Rows with a hash key are sent with {@link Producer#send(io.ternmq.client.Message, String)}, so
 * they land on one queue, and a row is sent only when every earlier row of its key is SENT. Order is that of row ids;
 * two transactions that write rows of one key concurrently get ids in insert order, not commit order.
 *
 * <p><b>Failures.</b> A failed send ends the round, adds one to the row's {@code attempts}, stores the error in
 * {@code last_error} and makes the row due again after the back-off ({@code retryBackoff}, doubled per attempt, at
 * most 5 minutes). After {@code maxAttempts} attempts the row is parked as FAILED for an operator; later rows of its
 * hash key keep waiting until the operator sets it back to PENDING (with {@code attempts = 0}) or deletes it. Rows
 * without a hash key are not held back by other rows.
 *
 * <p><b>Clean-up.</b> At most once a minute, a round first deletes SENT rows sent more than {@code retention} ago.
 *
 * <p>The relay does not own the producer: start it before the relay and close it after. Thread-safe.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    /** Rows deleted per statement while cleaning up, so no clean-up holds many row locks at once. */
    static final int PURGE_BATCH = 1000;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final OutboxDatabase db;
    private final OutboxMapper mapper;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration retention;
    private final RelayRound round;
    private final Object wakeUp = new Object();
    private Instant lastPurge;
    private Thread thread;
    private volatile boolean running;
    private boolean closed;

    private OutboxRelay(Builder b) {
        this.db = Objects.requireNonNull(b.db, "database");
        Objects.requireNonNull(b.producer, "producer");
        this.mapper = db.mapper(OutboxMapper.class);
        this.clock = b.clock;
        this.pollInterval = b.pollInterval;
        this.retention = b.retention;
        this.round = new RelayRound(db, b.producer, clock, b.batchSize, b.maxAttempts,
                new Backoff(b.retryBackoff, Backoff.MAX));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts polling every {@code pollInterval} on a daemon thread. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the outbox relay is closed");
        }
        if (thread != null) {
            throw new IllegalStateException("the outbox relay is already started");
        }
        running = true;
        thread = new Thread(this::poll, "ternmq-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            int sent;
            try {
                sent = relayOnce();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "outbox relay round failed; trying again in " + pollInterval, e);
                sent = 0;
            }
            if (sent == 0) {
                synchronized (wakeUp) {
                    if (running) {
                        try {
                            wakeUp.wait(Math.max(1, pollInterval.toMillis()));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * One polling round on the calling thread; returns how many rows were sent.
     *
     * @throws IllegalStateException when called inside a transaction of the database: a round is its own
     *                               transaction
     */
    public int relayOnce() {
        if (db.inTransaction()) {
            throw new IllegalStateException("OutboxRelay.relayOnce() runs its own transaction and cannot be called "
                    + "inside one");
        }
        purgeIfDue();
        return round.run();
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastPurge != null && now.isBefore(lastPurge.plus(PURGE_EVERY))) {
                return;
            }
            lastPurge = now;
        }
        int deleted;
        do {
            deleted = mapper.deleteSentBefore(UtcTime.column(now.minus(retention)), PURGE_BATCH);
        } while (deleted == PURGE_BATCH);
    }

    /** Stops polling; a round in progress finishes first. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            t = thread;
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builder of {@link OutboxRelay}; not thread-safe. */
    public static final class Builder {
        private OutboxDatabase db;
        private Producer producer;
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofMillis(200);
        private int batchSize = 100;
        private int maxAttempts = 16;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private Duration retention = Duration.ofDays(1);

        private Builder() {
        }

        /** Required: the database holding {@code mq_outbox}. */
        public Builder database(OutboxDatabase db) {
            this.db = Objects.requireNonNull(db, "db");
            return this;
        }

        /** Required: a started producer; the relay does not close it. */
        public Builder producer(Producer producer) {
            this.producer = Objects.requireNonNull(producer, "producer");
            return this;
        }

        /** The clock for due times, back-off and clean-up (default the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Pause between rounds that found nothing to send (default 200 ms). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive("pollInterval", interval);
            return this;
        }

        /** Most rows per round (default 100). */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1: " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /** Attempts before a row is parked as FAILED for an operator (default 16). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** First retry back-off, doubled per attempt up to 5 minutes (default 1 s). */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = positive("retryBackoff", backoff);
            return this;
        }

        /** How long sent rows are kept before clean-up (default 1 day). */
        public Builder retention(Duration retention) {
            this.retention = positive("retention", retention);
            return this;
        }

        /** @throws NullPointerException when the database or the producer is missing */
        public OutboxRelay build() {
            return new OutboxRelay(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
