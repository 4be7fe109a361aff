package io.ternmq.outbox.schema;

import io.ternmq.outbox.Await;
import io.ternmq.outbox.Sql;
import io.ternmq.test.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real MariaDB; every test gets its own empty database. */
class SchemaMigratorTest {

    private static DataSource freshDatabase() {
        return EmbeddedDatabase.shared().createDatabase("migrator").dataSource();
    }

    @Test
    void appliesEveryMigrationInOrderAndRecordsItsChecksum() {
        DataSource ds = freshDatabase();
        assertEquals(3, SchemaMigrator.migrate(ds));
        List<Migration> bundled = Migration.bundled();
        assertEquals(List.of("1", "2", "3"), Sql.column(ds, "SELECT version FROM mq_schema_history ORDER BY version"));
        assertEquals(bundled.stream().map(Migration::checksum).toList(),
                Sql.column(ds, "SELECT checksum FROM mq_schema_history ORDER BY version"));
        assertEquals(List.of("mq_idempotency", "mq_outbox", "mq_schema_history", "mq_tx_log"), Sql.column(ds,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1"));
        assertEquals(List.of("id", "topic", "tags", "msg_keys", "hash_key", "properties", "body", "delay_level",
                "deliver_at_ms", "status", "attempts", "next_attempt_at", "last_error", "msg_id", "created_at",
                "sent_at"), Sql.column(ds, "SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = 'mq_outbox' ORDER BY ordinal_position"));
        assertEquals(List.of("utf8mb4_bin"), Sql.column(ds, "SELECT DISTINCT collation_name FROM "
                + "information_schema.columns WHERE table_schema = DATABASE() AND column_name IN "
                + "('transaction_id', 'consumer_group', 'idem_key', 'hash_key')"));
        assertEquals(List.of("InnoDB"), Sql.column(ds, "SELECT DISTINCT engine FROM information_schema.tables "
                + "WHERE table_schema = DATABASE()"));
    }

    @Test
    void aSecondRunAppliesNothing() {
        DataSource ds = freshDatabase();
        SchemaMigrator.migrate(ds);
        assertEquals(0, SchemaMigrator.migrate(ds));
        assertEquals(3, Sql.number(ds, "SELECT COUNT(*) FROM mq_schema_history"));
    }

    @Test
    void aNewMigrationRunsAfterTheAppliedOnes() {
        DataSource ds = freshDatabase();
        SchemaMigrator.migrate(ds);
        List<Migration> next = new ArrayList<>(Migration.bundled());
        next.add(Migration.of("V4__extra.sql", "CREATE TABLE extra (id INT PRIMARY KEY);\n"
                + "INSERT INTO extra VALUES (1);\n"));
        assertEquals(1, SchemaMigrator.migrate(ds, next));
        assertEquals(1, Sql.number(ds, "SELECT COUNT(*) FROM extra"));
        assertEquals("V4__extra.sql", Sql.column(ds, "SELECT name FROM mq_schema_history WHERE version = 4").get(0));
    }

    @Test
    void anAppliedMigrationThatWasEditedStopsTheMigratorBeforeItAppliesAnything() {
        DataSource ds = freshDatabase();
        SchemaMigrator.migrate(ds);
        List<Migration> edited = new ArrayList<>(Migration.bundled());
        Migration v2 = edited.get(1);
        edited.set(1, Migration.of(v2.name(), v2.script().replace("VARCHAR(16)", "VARCHAR(32)")));
        edited.add(Migration.of("V4__extra.sql", "CREATE TABLE extra (id INT PRIMARY KEY);"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaMigrator.migrate(ds, edited));
        assertTrue(e.getMessage().startsWith("migration V2__idempotency.sql was changed after it was applied"),
                e.getMessage());
        assertEquals(3, Sql.number(ds, "SELECT COUNT(*) FROM mq_schema_history"));
        assertEquals(0, Sql.number(ds, "SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_name = 'extra'"));
    }

    @Test
    void aFailingStatementIsNamedAndTheMigrationIsRetriedNextTime() {
        DataSource ds = freshDatabase();
        List<Migration> broken = new ArrayList<>(Migration.bundled());
        broken.add(Migration.of("V4__broken.sql", "CREATE TABLE IF NOT EXISTS ok (id INT);\nCREATE TABLEX nope;\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaMigrator.migrate(ds, broken));
        assertTrue(e.getMessage().contains("migration V4__broken.sql failed at statement: CREATE TABLEX nope"),
                e.getMessage());
        assertEquals(3, Sql.number(ds, "SELECT COUNT(*) FROM mq_schema_history"));
        List<Migration> fixed = new ArrayList<>(Migration.bundled());
        fixed.add(Migration.of("V4__broken.sql", "CREATE TABLE IF NOT EXISTS ok (id INT);\n"));
        assertEquals(1, SchemaMigrator.migrate(ds, fixed));
    }

    /**
     * The test holds the migration lock, lets two migrators queue up behind it on one empty database, then lets go:
     * both must succeed and the history must list every migration once.
     */
    @Test
    void twoConcurrentMigratorsBothSucceedAndApplyEachMigrationOnce() throws Exception {
        DataSource ds = freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = ds.getConnection()) {
            assertEquals(1, lockResult(holder, "SELECT GET_LOCK(?, 0)"));
            Future<Integer> first = pool.submit(() -> SchemaMigrator.migrate(ds));
            Future<Integer> second = pool.submit(() -> SchemaMigrator.migrate(ds));
            Await.until("both migrators waiting for the lock", Duration.ofSeconds(20),
                    () -> Sql.number(ds, "SELECT COUNT(*) FROM information_schema.processlist "
                            + "WHERE info LIKE 'SELECT GET_LOCK(%' AND db = DATABASE() AND id <> CONNECTION_ID()") == 2);
            assertEquals(1, lockResult(holder, "SELECT RELEASE_LOCK(?)"));
            int applied = first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS);
            assertEquals(3, applied);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("1", "2", "3"), Sql.column(ds, "SELECT version FROM mq_schema_history ORDER BY version"));
    }

    private static int lockResult(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, SchemaMigrator.LOCK_NAME);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
