package io.ternmq.outbox.schema;

import io.ternmq.outbox.UtcTime;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies tx-outbox's versioned migrations ({@code io/ternmq/outbox/schema/V<n>__<name>.sql}, MySQL 8 and MariaDB)
 * in order, once each, recording them in {@code mq_schema_history}. Safe to call from several processes at once.
 *
 * <p>History table: {@code mq_schema_history(version INT PK, name, checksum CHAR(64) SHA-256 hex, applied_at
 * DATETIME(3) UTC)}. Before applying anything the migrator compares the checksum of every applied migration with the
 * script it ships; a difference means someone edited a migration that already ran, and it stops with an
 * {@link IllegalStateException} instead of guessing. Migrations it does not know (written by a newer version of
 * tx-outbox) are left alone.
 *
 * <p>Concurrent migrators (several application instances starting at once) are serialised with the server-wide
 * named lock {@code GET_LOCK('mq_schema_migration', 30)}: the second waits for the first and then finds nothing to
 * do. MySQL commits every DDL statement on its own, so a migration that fails half way is not undone: its statements
 * are written to be run again ({@code CREATE TABLE IF NOT EXISTS}), and the next start retries it.
 */
public final class SchemaMigrator {
    /** The named lock that serialises migrators on one server. */
    static final String LOCK_NAME = "mq_schema_migration";
    private static final int LOCK_WAIT_SECONDS = 30;
    private static final String HISTORY_TABLE = """
            CREATE TABLE IF NOT EXISTS mq_schema_history (
                version    INT          NOT NULL,
                name       VARCHAR(255) NOT NULL,
                checksum   CHAR(64)     NOT NULL,
                applied_at DATETIME(3)  NOT NULL,
                PRIMARY KEY (version)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin""";

    private SchemaMigrator() {
    }

    /** Brings the database's tx-outbox tables up to date; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, Migration.bundled());
    }

    /** Applies {@code migrations} (in ascending version order) that the history does not list yet. */
    static int migrate(DataSource dataSource, List<Migration> migrations) {
        checkOrder(migrations);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            lock(c);
            try {
                return applyMissing(c, migrations);
            } finally {
                unlock(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tx-outbox schema migration failed: " + e.getMessage(), e);
        }
    }

    private static int applyMissing(Connection c, List<Migration> migrations) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(HISTORY_TABLE);
        }
        Map<Integer, String> applied = appliedChecksums(c);
        for (Migration m : migrations) {
            String checksum = applied.get(m.version());
            if (checksum != null && !checksum.equals(m.checksum())) {
                throw new IllegalStateException("migration " + m.name() + " was changed after it was applied: "
                        + "mq_schema_history has checksum " + checksum + ", the script now has " + m.checksum()
                        + "; restore the original script and put the change into a new migration");
            }
        }
        int ran = 0;
        for (Migration m : migrations) {
            if (!applied.containsKey(m.version())) {
                apply(c, m);
                ran++;
            }
        }
        return ran;
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        for (String sql : m.statements()) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("migration " + m.name() + " failed at statement: " + sql + " (" + e.getMessage()
                        + ")", e.getSQLState(), e.getErrorCode(), e);
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO mq_schema_history (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            s.setInt(1, m.version());
            s.setString(2, m.name());
            s.setString(3, m.checksum());
            s.setObject(4, UtcTime.column(Instant.now()));
            s.executeUpdate();
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection c) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM mq_schema_history")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            s.setString(1, LOCK_NAME);
            s.setInt(2, LOCK_WAIT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new IllegalStateException("another tx-outbox schema migration held the lock '" + LOCK_NAME
                            + "' for more than " + LOCK_WAIT_SECONDS + " s");
                }
            }
        }
    }

    private static void unlock(Connection c) {
        try (PreparedStatement s = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            s.setString(1, LOCK_NAME);
            s.executeQuery().close();
        } catch (SQLException e) {
            // closing the connection releases the lock too; keep the migration's own error, if any
        }
    }

    private static void checkOrder(List<Migration> migrations) {
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
                throw new IllegalArgumentException("migrations out of order: " + migrations.get(i - 1).name()
                        + " before " + migrations.get(i).name());
            }
        }
    }
}
