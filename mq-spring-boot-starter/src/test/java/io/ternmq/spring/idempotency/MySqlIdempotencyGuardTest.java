package io.ternmq.spring.idempotency;

import io.ternmq.outbox.idempotency.Claim;
import io.ternmq.outbox.idempotency.ClaimStatus;
import io.ternmq.outbox.idempotency.IdempotencyStore;
import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.spring.idempotency.IdempotencyGuard.Outcome;
import io.ternmq.spring.outbox.SpringOutboxDatabase;
import io.ternmq.test.ManualClock;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The guard on a real MariaDB, with a business table written by the handler the way a listener's
 * {@code @Transactional} service would (joining the current transaction).
 */
@EmbeddedMySql
class MySqlIdempotencyGuardTest {
    private static final String GROUP = "cg-payments";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final IdempotencyStore store;
    private final MySqlIdempotencyGuard guard;
    private final AtomicInteger handlerRuns = new AtomicInteger();

    MySqlIdempotencyGuardTest(TestDatabase db) {
        DataSource dataSource = db.dataSource();
        SchemaMigrator.migrate(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS payments (payment_key VARCHAR(128) PRIMARY KEY)");
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(manager);
        this.store = new IdempotencyStore(new SpringOutboxDatabase(dataSource, manager), clock);
        this.guard = new MySqlIdempotencyGuard(store, transactions, Duration.ofMinutes(5));
    }

    /** The listener's business write, in a transaction of its own or joining the current one (REQUIRED). */
    private void recordPayment(String key) {
        handlerRuns.incrementAndGet();
        transactions.executeWithoutResult(status -> jdbc.update("INSERT INTO payments (payment_key) VALUES (?)", key));
    }

    private int payments(String key) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE payment_key = ?", Integer.class, key);
        return n == null ? 0 : n;
    }

    @Test
    void aTransactionalDuplicateIsSkippedAndTheBusinessRowExistsOnce() {
        String key = "pay-" + UUID.randomUUID();
        assertEquals(Outcome.PROCESSED, guard.runOnce(GROUP, key, true, () -> recordPayment(key)));
        assertEquals(Outcome.DUPLICATE, guard.runOnce(GROUP, key, true, () -> recordPayment(key)));
        assertEquals(1, handlerRuns.get());
        assertEquals(1, payments(key));
        assertEquals(Outcome.PROCESSED, guard.runOnce("cg-other", key, true, () -> { }),
                "keys are per consumer group");
    }

    @Test
    void aFailedTransactionalHandlerRollsBackItsWritesAndFreesTheKey() {
        String key = "pay-" + UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("card declined");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> guard.runOnce(GROUP, key,
                true, () -> {
                    recordPayment(key);
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(0, payments(key), "the handler's write rolled back with the claim");
        assertEquals(Outcome.PROCESSED, guard.runOnce(GROUP, key, true, () -> recordPayment(key)),
                "the redelivery runs again");
        assertEquals(1, payments(key));
    }

    @Test
    void concurrentTransactionalDeliveriesOfOneKeyRunTheHandlerOnce() throws Exception {
        String key = "pay-" + UUID.randomUUID();
        int deliveries = 4;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return guard.runOnce(GROUP, key, true, () -> {
                        recordPayment(key);
                        sleep(200); // hold the claim uncommitted while the other deliveries arrive
                    });
                }));
            }
            start.countDown();
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, results.stream().filter(o -> o == Outcome.PROCESSED).count(), results.toString());
            assertEquals(deliveries - 1, results.stream().filter(o -> o == Outcome.DUPLICATE).count());
            assertEquals(1, handlerRuns.get());
            assertEquals(1, payments(key));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutATransactionTheClaimIsCompletedAfterTheHandler() {
        String key = "pay-" + UUID.randomUUID();
        assertEquals(Outcome.PROCESSED, guard.runOnce(GROUP, key, false, () -> recordPayment(key)));
        assertEquals(Outcome.DUPLICATE, guard.runOnce(GROUP, key, false, () -> recordPayment(key)));
        assertEquals(1, handlerRuns.get());
        assertEquals(1, payments(key));
    }

    @Test
    void withoutATransactionAFailedHandlerReleasesTheKey() {
        String key = "pay-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> guard.runOnce(GROUP, key, false, () -> {
            handlerRuns.incrementAndGet();
            throw new IllegalStateException("ledger unavailable");
        }));
        assertEquals(Outcome.PROCESSED, guard.runOnce(GROUP, key, false, () -> recordPayment(key)));
        assertEquals(2, handlerRuns.get());
    }

    @Test
    void withoutATransactionTheKeyOfACrashedConsumerIsTakenOverOnceItsLeaseExpired() {
        String key = "pay-" + UUID.randomUUID();
        Claim crashed = store.claim(GROUP, key, Duration.ofMinutes(1)); // its holder dies before completing
        assertEquals(ClaimStatus.CLAIMED, crashed.status());
        assertEquals(Outcome.IN_PROGRESS, guard.runOnce(GROUP, key, false, () -> recordPayment(key)));
        assertEquals(0, handlerRuns.get(), "not while the lease runs");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Outcome.PROCESSED, guard.runOnce(GROUP, key, false, () -> recordPayment(key)));
        assertEquals(Outcome.DUPLICATE, guard.runOnce(GROUP, key, false, () -> recordPayment(key)));
        assertEquals(1, handlerRuns.get());
        assertEquals(1, payments(key));
    }

    @Test
    void withoutATransactionTheClaimCommitsOnItsOwnEvenInsideACallersTransaction() {
        String key = "pay-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            assertEquals(Outcome.PROCESSED, guard.runOnce(GROUP, key, false, handlerRuns::incrementAndGet));
            status.setRollbackOnly();
        });
        assertEquals(Outcome.DUPLICATE, guard.runOnce(GROUP, key, false, handlerRuns::incrementAndGet),
                "the caller's rollback did not undo the completed claim");
        assertEquals(1, handlerRuns.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
