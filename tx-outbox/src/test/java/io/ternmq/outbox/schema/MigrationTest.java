package io.ternmq.outbox.schema;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MigrationTest {

    @Test
    void statementsEndAtASemicolonAtTheEndOfALineAndCommentOnlyChunksAreDropped() {
        Migration m = Migration.of("V7__x.sql", """
                -- header comment
                CREATE TABLE a (v VARCHAR(10) DEFAULT ';');
                INSERT INTO a VALUES ('x;y') ;  \s
                -- trailing comment
                """);
        assertEquals(List.of("-- header comment\nCREATE TABLE a (v VARCHAR(10) DEFAULT ';')",
                "INSERT INTO a VALUES ('x;y')"), m.statements());
        assertEquals(7, m.version());
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), Migration.of("V1__a.sql", "SELECT 1;\nSELECT 2\n").statements());
    }

    @Test
    void lineEndingsDoNotChangeTheChecksumButTextDoes() {
        Migration lf = Migration.of("V1__a.sql", "SELECT 1;\nSELECT 2;\n");
        assertEquals(lf.checksum(), Migration.of("V1__a.sql", "SELECT 1;\r\nSELECT 2;\r\n").checksum());
        assertNotEquals(lf.checksum(), Migration.of("V1__a.sql", "SELECT 1;\nSELECT 3;\n").checksum());
        assertEquals(64, lf.checksum().length());
    }

    @Test
    void aBadFileNameIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Migration.of("1_outbox.sql", "SELECT 1"));
        assertEquals("migration file '1_outbox.sql' is not named V<version>__<name>.sql", e.getMessage());
    }

    @Test
    void theBundledListNamesEveryScriptOfTheFolderInVersionOrder() throws Exception {
        URL first = Migration.class.getResource("/io/ternmq/outbox/schema/" + Migration.BUNDLED.get(0));
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of(first.toURI()).getParent())) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertEquals(files, Migration.BUNDLED.stream().sorted().toList());
        List<Integer> versions = Migration.bundled().stream().map(Migration::version).toList();
        assertEquals(List.of(1, 2, 3), versions);
    }
}
