package io.ternmq.outbox.idempotency;

import io.ternmq.outbox.Await;
import io.ternmq.outbox.MyBatisOutboxDatabase;
import io.ternmq.outbox.Sql;
import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.test.ManualClock;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMySql
class IdempotencyStoreTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String GROUP = "cg-payments";
    private final DataSource ds;
    private final MyBatisOutboxDatabase db;
    private final ManualClock clock = ManualClock.atFixedStart();
    private final IdempotencyStore store;

    IdempotencyStoreTest(TestDatabase database) {
        ds = database.dataSource();
        SchemaMigrator.migrate(ds);
        db = new MyBatisOutboxDatabase(ds);
        store = new IdempotencyStore(db, clock);
    }

    @BeforeEach
    void empty() {
        Sql.update(ds, "DELETE FROM mq_idempotency");
    }

    private boolean claimInOwnTransaction(String key) {
        return db.inTransaction(() -> store.claimInTransaction(GROUP, key));
    }

    private String row(String key) {
        List<String> rows = Sql.column(ds, "SELECT CONCAT_WS('|', status, IFNULL(holder_token, '-'), "
                + "IFNULL(lease_until, '-')) FROM mq_idempotency WHERE consumer_group = ? AND idem_key = ?", GROUP, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    // --- inside a local transaction

    @Test
    void aTransactionalClaimCommitsAsDoneAndTheNextOneIsADuplicate() {
        assertTrue(claimInOwnTransaction("order-1"));
        assertEquals("DONE|-|-", row("order-1"));
        assertFalse(claimInOwnTransaction("order-1"));
        assertTrue(db.inTransaction(() -> store.claimInTransaction("other-group", "order-1")), "groups are separate");
    }

    @Test
    void aTransactionalClaimThatRolledBackLeavesTheKeyFree() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            assertTrue(store.claimInTransaction(GROUP, "order-1"));
            throw new IllegalStateException("listener failed");
        }));
        assertNull(row("order-1"));
        assertTrue(claimInOwnTransaction("order-1"), "the redelivery claims it");
    }

    @Test
    void aTransactionalClaimOutsideATransactionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.claimInTransaction(GROUP, "order-1"));
        assertTrue(e.getMessage().contains("must run inside the listener's local transaction"), e.getMessage());
        assertNull(row("order-1"));
    }

    @Test
    void aSecondTransactionWaitsForTheFirstAndSeesADuplicateWhenItCommits() throws Exception {
        assertFalse(raceOfTwoTransactions(true));
    }

    @Test
    void aSecondTransactionWaitsForTheFirstAndClaimsTheKeyWhenItRollsBack() throws Exception {
        assertTrue(raceOfTwoTransactions(false));
    }

    /** The first transaction claims and holds; the second claims and blocks; the first ends. */
    private boolean raceOfTwoTransactions(boolean firstCommits) throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> {
                try {
                    db.inTransaction(() -> {
                        assertTrue(store.claimInTransaction(GROUP, "order-1"));
                        claimed.countDown();
                        await(finish);
                        if (!firstCommits) {
                            throw new IllegalStateException("roll back");
                        }
                        return null;
                    });
                } catch (IllegalStateException expected) {
                    // the rolled-back case
                }
            });
            await(claimed);
            Future<Boolean> second = pool.submit(() -> claimInOwnTransaction("order-1"));
            Await.lockWait("the second claim waiting for the first's row lock", ds);
            finish.countDown();
            first.get(20, TimeUnit.SECONDS);
            return second.get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // --- lease claims without a transaction

    @Test
    void aLeaseClaimHoldsTheKeyUntilCompletedThenItIsADuplicate() {
        Claim claim = store.claim(GROUP, "order-1", LEASE);
        assertEquals(ClaimStatus.CLAIMED, claim.status());
        assertNotNull(claim.token());
        assertEquals("PROCESSING|" + claim.token() + "|2026-03-29 00:30:30.000", row("order-1"));
        assertEquals(new Claim(ClaimStatus.IN_PROGRESS, GROUP, "order-1", null), store.claim(GROUP, "order-1", LEASE));
        store.complete(claim);
        assertEquals("DONE|" + claim.token() + "|-", row("order-1"));
        assertEquals(new Claim(ClaimStatus.DUPLICATE, GROUP, "order-1", null), store.claim(GROUP, "order-1", LEASE));
        assertFalse(claimInOwnTransaction("order-1"));
    }

    @Test
    void aReleasedClaimLeavesTheKeyFreeForTheRedelivery() {
        Claim claim = store.claim(GROUP, "order-1", LEASE);
        store.release(claim);
        assertNull(row("order-1"));
        assertEquals(ClaimStatus.CLAIMED, store.claim(GROUP, "order-1", LEASE).status());
    }

    @Test
    void anExpiredClaimIsTakenOverButOnlyAfterItsLeaseEnded() {
        Claim crashed = store.claim(GROUP, "order-1", LEASE);
        clock.advance(LEASE);
        assertEquals(ClaimStatus.IN_PROGRESS, store.claim(GROUP, "order-1", LEASE).status(), "at the lease's end");
        clock.advance(Duration.ofMillis(1));
        Claim next = store.claim(GROUP, "order-1", LEASE);
        assertEquals(ClaimStatus.CLAIMED, next.status());
        assertNotEquals(crashed.token(), next.token());
        assertEquals("PROCESSING|" + next.token() + "|2026-03-29 00:31:00.001", row("order-1"));
    }

    @Test
    void aHolderWhoseClaimWasTakenOverCanNeitherCompleteNorReleaseIt() {
        Claim slow = store.claim(GROUP, "order-1", LEASE);
        clock.advance(LEASE.plusSeconds(1));
        Claim next = store.claim(GROUP, "order-1", LEASE);
        store.complete(slow);
        store.release(slow);
        assertEquals("PROCESSING|" + next.token() + "|2026-03-29 00:31:01.000", row("order-1"));
        store.complete(next);
        assertEquals("DONE|" + next.token() + "|-", row("order-1"));
        store.release(next);
        assertEquals("DONE|" + next.token() + "|-", row("order-1"), "a DONE row is never released");
    }

    @Test
    void onlyAClaimedClaimCanBeCompletedOrReleased() {
        Claim inProgress = new Claim(ClaimStatus.IN_PROGRESS, GROUP, "order-1", null);
        assertThrows(IllegalArgumentException.class, () -> store.complete(inProgress));
        assertThrows(IllegalArgumentException.class, () -> store.release(inProgress));
    }

    @Test
    void aLeaseClaimInsideATransactionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> db.inTransaction(() -> store.claim(GROUP, "order-1", LEASE)));
        assertTrue(e.getMessage().contains("use claimInTransaction"), e.getMessage());
    }

    @Test
    void badKeysAndLeasesAreRefusedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.claim(GROUP, "k".repeat(256), LEASE));
        assertTrue(e.getMessage().contains("key of 256 characters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> store.claim(GROUP, "k", Duration.ZERO));
        assertEquals("the lease must be positive: PT0S", e.getMessage());
    }

    @Test
    void ofConcurrentClaimersOfAFreeKeyExactlyOneWins() throws Exception {
        Map<ClaimStatus, Long> outcomes = raceOfClaimers(8, "order-1");
        assertEquals(Map.of(ClaimStatus.CLAIMED, 1L, ClaimStatus.IN_PROGRESS, 7L), outcomes);
    }

    @Test
    void ofConcurrentClaimersOfAnExpiredKeyExactlyOneTakesItOver() throws Exception {
        store.claim(GROUP, "order-1", LEASE);
        clock.advance(LEASE.plusSeconds(1));
        Map<ClaimStatus, Long> outcomes = raceOfClaimers(8, "order-1");
        assertEquals(Map.of(ClaimStatus.CLAIMED, 1L, ClaimStatus.IN_PROGRESS, 7L), outcomes);
    }

    private Map<ClaimStatus, Long> raceOfClaimers(int threads, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                claims.add(pool.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    return store.claim(GROUP, key, LEASE);
                }));
            }
            List<Claim> results = new ArrayList<>();
            for (Future<Claim> f : claims) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            Claim winner = results.stream().filter(c -> c.status() == ClaimStatus.CLAIMED).findFirst().orElseThrow();
            assertTrue(row(key).startsWith("PROCESSING|" + winner.token() + "|"));
            return results.stream().collect(Collectors.groupingBy(Claim::status, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeDeletesDoneRowsOlderThanTheCutoffAndKeepsTheRest() {
        claimInOwnTransaction("old-done");
        Claim old = store.claim(GROUP, "old-processing", LEASE);
        clock.advance(Duration.ofDays(2));
        claimInOwnTransaction("new-done");
        assertEquals(1, store.purgeOlderThan(clock.instant().minus(Duration.ofDays(1))));
        assertNull(row("old-done"));
        assertNotNull(row("new-done"));
        assertTrue(row("old-processing").startsWith("PROCESSING|" + old.token()));
    }
}
