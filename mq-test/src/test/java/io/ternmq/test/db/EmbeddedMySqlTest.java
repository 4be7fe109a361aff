package io.ternmq.test.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMySql
class EmbeddedMySqlTest {

    @Test
    void aRealMySqlProtocolServerKeepsRowsAndEnforcesKeys(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k VARCHAR(64) PRIMARY KEY, v INT NOT NULL)");
            s.execute("INSERT INTO t VALUES ('a', 1)");
            assertThrows(SQLIntegrityConstraintViolationException.class, () -> s.execute("INSERT INTO t VALUES ('a', 2)"));
            assertEquals(0, s.executeUpdate("INSERT IGNORE INTO t VALUES ('a', 3)"));
            try (ResultSet rs = s.executeQuery("SELECT v, @@character_set_database FROM t WHERE k = 'a'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals("utf8mb4", rs.getString(2));
            }
        }
    }

    @Test
    void theSameClassGetsTheSameDatabaseAndANewOneIsEmpty(TestDatabase db) throws Exception {
        TestDatabase other = EmbeddedDatabase.shared().createDatabase("other");
        assertNotEquals(db.name(), other.name());
        try (Connection c = other.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }
}
