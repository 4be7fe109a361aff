package io.ternmq.outbox;

import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.outbox.txlog.TxLogMapper;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMySql
class MyBatisOutboxDatabaseTest {
    private static final LocalDateTime T = LocalDateTime.parse("2026-01-01T00:00:00");
    private final DataSource ds;
    private final MyBatisOutboxDatabase db;
    private final TxLogMapper log;

    MyBatisOutboxDatabaseTest(TestDatabase database) {
        this.ds = database.dataSource();
        SchemaMigrator.migrate(ds);
        this.db = new MyBatisOutboxDatabase(ds);
        this.log = db.mapper(TxLogMapper.class);
    }

    @BeforeEach
    void empty() {
        Sql.update(ds, "DELETE FROM mq_tx_log");
    }

    private List<String> rows() {
        return Sql.column(ds, "SELECT transaction_id FROM mq_tx_log ORDER BY transaction_id");
    }

    private void insert(String id) {
        log.insert(id, "pg", "topic", T);
    }

    @Test
    void workThatReturnsIsCommittedAndInvisibleToOthersUntilThen() {
        String result = db.inTransaction(() -> {
            insert("a");
            assertTrue(db.inTransaction());
            assertEquals(List.of(), rows(), "another connection sees no uncommitted row");
            assertEquals(1, log.count("a"), "the transaction sees its own row");
            return "done";
        });
        assertEquals("done", result);
        assertFalse(db.inTransaction());
        assertEquals(List.of("a"), rows());
    }

    @Test
    void workThatThrowsIsRolledBackAndTheExceptionPropagates() {
        IllegalStateException thrown = new IllegalStateException("business rule");
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            insert("a");
            throw thrown;
        }));
        assertSame(thrown, caught);
        assertEquals(List.of(), rows());
        assertFalse(db.inTransaction());
    }

    @Test
    void aNestedCallJoinsTheOuterTransactionAndRollsBackWithIt() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            insert("outer");
            db.inTransaction(() -> {
                insert("inner");
                return null;
            });
            assertEquals(List.of(), rows(), "the inner call did not commit on its own");
            throw new IllegalStateException("outer fails");
        }));
        assertEquals(List.of(), rows());
    }

    @Test
    void aNestedCallCommitsWithTheOuterTransaction() {
        db.inTransaction(() -> {
            insert("outer");
            return db.inTransaction(() -> {
                insert("inner");
                return null;
            });
        });
        assertEquals(List.of("inner", "outer"), rows());
    }

    @Test
    void outsideATransactionEveryCallCommitsOnItsOwn() {
        insert("a");
        assertEquals(List.of("a"), rows());
        assertEquals(1, log.count("a"));
    }

    @Test
    void aTransactionBelongsToItsThread() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            insert("mine");
            CompletableFuture.runAsync(() -> {
                assertFalse(db.inTransaction());
                insert("other thread");
            }).orTimeout(10, TimeUnit.SECONDS).join();
            throw new IllegalStateException("roll back mine");
        }));
        assertEquals(List.of("other thread"), rows());
    }

    @Test
    void anUnregisteredMapperIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.mapper(Runnable.class));
        assertTrue(e.getMessage().startsWith("java.lang.Runnable is not a registered mapper"), e.getMessage());
    }

    @Test
    void mappersAreSharedPerType() {
        assertSame(log, db.mapper(TxLogMapper.class));
        assertEquals("tx-outbox mapper TxLogMapper", log.toString());
    }
}
