package io.ternmq.outbox.relay;

import io.ternmq.client.Message;
import io.ternmq.outbox.AnotherThread;
import io.ternmq.outbox.Await;
import io.ternmq.outbox.MyBatisOutboxDatabase;
import io.ternmq.outbox.Sql;
import io.ternmq.outbox.UtcTime;
import io.ternmq.outbox.schema.SchemaMigrator;
import io.ternmq.test.ManualClock;
import io.ternmq.test.db.EmbeddedMySql;
import io.ternmq.test.db.TestDatabase;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Why a relay round runs READ COMMITTED: its locking scan must not stop the application from appending rows while
 * the round sends (which takes broker round trips). Drives the round's own statements by hand to hold it open.
 */
@EmbeddedMySql
class RelayLockingTest {
    private final DataSource ds;
    private final MyBatisOutboxDatabase db;
    private final OutboxMapper mapper;
    private final ManualClock clock = ManualClock.atFixedStart();
    private final OutboxWriter writer;

    RelayLockingTest(TestDatabase database) {
        ds = database.dataSource();
        SchemaMigrator.migrate(ds);
        Sql.update(ds, "DELETE FROM mq_outbox");
        db = new MyBatisOutboxDatabase(ds);
        mapper = db.mapper(OutboxMapper.class);
        writer = new OutboxWriter(db, clock);
        db.inTransaction(() -> writer.append(Message.of("orders", "first"), null));
    }

    private CompletableFuture<Long> appendOnAnotherThread() {
        return AnotherThread.supply(() -> db.inTransaction(
                () -> writer.append(Message.of("orders", "meanwhile"), null)));
    }

    @Test
    void aRoundHoldingItsRowsDoesNotBlockAWritersInsert() {
        db.inTransaction(() -> {
            mapper.readCommittedForNextTransaction();
            assertEquals(1, mapper.lockDue(UtcTime.column(clock.instant()), 100).size());
            long id = appendOnAnotherThread().orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals(1, Sql.number(ds, "SELECT COUNT(*) FROM mq_outbox WHERE id = ?", id));
            return null;
        });
    }

    @Test
    void theSameScanUnderRepeatableReadWouldBlockIt() {
        CompletableFuture<Long> append = db.inTransaction(() -> {
            assertEquals(1, mapper.lockDue(UtcTime.column(clock.instant()), 100).size());
            CompletableFuture<Long> waiting = appendOnAnotherThread();
            Await.lockWait("the insert waiting for the scan's gap lock", ds);
            assertFalse(waiting.isDone());
            return waiting;
        });
        append.orTimeout(10, TimeUnit.SECONDS).join();
    }
}
