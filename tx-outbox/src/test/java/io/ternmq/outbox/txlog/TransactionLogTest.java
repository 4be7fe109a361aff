package io.ternmq.outbox.txlog;

import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.outbox.AnotherThread;
import io.ternmq.outbox.MyBatisOutboxDatabase;
import io.ternmq.outbox.Sql;
import io.ternmq.outbox.UtcTime;
import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.test.ManualClock;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMySql
class TransactionLogTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final DataSource ds;
    private final MyBatisOutboxDatabase db;
    private final ManualClock clock = ManualClock.atFixedStart();
    private final TransactionLog log;
    private final TransactionLogChecker checker;

    TransactionLogTest(TestDatabase database) {
        ds = database.dataSource();
        SchemaMigrator.migrate(ds);
        db = new MyBatisOutboxDatabase(ds);
        log = new TransactionLog(db, clock);
        checker = new TransactionLogChecker(log, TIMEOUT, clock);
    }

    @BeforeEach
    void empty() {
        Sql.update(ds, "DELETE FROM mq_tx_log");
    }

    @Test
    void aRowRecordedInACommittedTransactionExistsWithItsColumns() {
        db.inTransaction(() -> {
            log.record("tx-1", "pg-orders", "orders");
            return null;
        });
        assertTrue(log.exists("tx-1"));
        assertFalse(log.exists("tx-2"));
        assertEquals(List.of("tx-1|pg-orders|orders|2026-03-29 00:30:00.000"), Sql.column(ds,
                "SELECT CONCAT_WS('|', transaction_id, producer_group, topic, created_at) FROM mq_tx_log"));
    }

    @Test
    void aRowRecordedInARolledBackTransactionDoesNotExist() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            log.record("tx-1", "pg", "orders");
            throw new IllegalStateException("business failure");
        }));
        assertFalse(log.exists("tx-1"));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.record("tx-1", "pg", "t"));
        assertTrue(e.getMessage().startsWith("TransactionLog.record(tx-1) must run inside the local transaction"));
        assertFalse(log.exists("tx-1"));
    }

    @Test
    void purgeDeletesOnlyRowsCreatedBeforeTheCutoffInSeveralBatches() throws Exception {
        Instant start = clock.instant();
        int old = TransactionLog.PURGE_BATCH * 2 + 5;
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO mq_tx_log (transaction_id, producer_group, topic, created_at) VALUES (?, 'pg', 't', ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < old; i++) {
                s.setString(1, "old-" + i);
                s.setObject(2, UtcTime.column(start.minusSeconds(10)));
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        }
        db.inTransaction(() -> {
            log.record("at-cutoff", "pg", "t");
            return null;
        });
        assertEquals(old, log.purgeOlderThan(start));
        assertEquals(List.of("at-cutoff"), Sql.column(ds, "SELECT transaction_id FROM mq_tx_log"));
    }

    @Test
    void checkCommitsWhenTheRowExistsHoweverOldTheHalfMessage() {
        db.inTransaction(() -> {
            log.record("tx-1", "pg", "orders");
            return null;
        });
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, checker.check("tx-1", clock.instant()));
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, checker.check("tx-1", clock.instant().minus(Duration.ofDays(3))));
    }

    @Test
    void checkIsUnknownWhileTheLocalTransactionMayStillBeRunning() {
        Instant born = clock.instant();
        assertEquals(LocalTransactionState.UNKNOW, checker.check("tx-1", born));
        clock.advance(TIMEOUT);
        assertEquals(LocalTransactionState.UNKNOW, checker.check("tx-1", born), "exactly at the timeout");
    }

    @Test
    void checkRollsBackWhenNoRowAppearedWithinTheTimeout() {
        Instant born = clock.instant();
        clock.advance(TIMEOUT.plusMillis(1));
        assertEquals(LocalTransactionState.ROLLBACK_MESSAGE, checker.check("tx-1", born));
    }

    @Test
    void aRowOfATransactionThatHasNotCommittedYetIsNotSeenByTheCheck() {
        Instant born = clock.instant();
        db.inTransaction(() -> {
            log.record("tx-1", "pg", "orders");
            LocalTransactionState during = AnotherThread.supply(() -> checker.check("tx-1", born))
                    .orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals(LocalTransactionState.UNKNOW, during);
            return null;
        });
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, checker.check("tx-1", born));
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TransactionLogChecker(log, Duration.ZERO, clock));
    }
}
