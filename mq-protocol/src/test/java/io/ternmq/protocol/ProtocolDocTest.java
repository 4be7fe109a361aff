package io.ternmq.protocol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables in docs/protocol.md between {@code <!-- BEGIN GENERATED: name -->} and {@code <!-- END GENERATED: name -->}
 * must equal what {@link ErrorCodeTable} renders from the enums. Run with {@code -Dternmq.docs.regenerate=true} to
 * rewrite them in place instead of failing.
 */
class ProtocolDocTest {
    /** Surefire runs in the module directory; the docs live beside the modules. */
    private static final Path DOC = Path.of("..", "docs", "protocol.md");
    private static final String REGENERATE = "ternmq.docs.regenerate";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"errors", "commands"})
    void generatedTableMatchesTheEnums(String table) throws IOException {
        Supplier<String> render = table.equals("errors") ? ErrorCodeTable::errorTable : ErrorCodeTable::commandTable;
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String begin = "<!-- BEGIN GENERATED: " + table + " -->\n";
        String end = "<!-- END GENERATED: " + table + " -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertTrue(from >= 0 && to > from, DOC.toAbsolutePath().normalize() + " lacks the markers " + begin.trim()
                + " ... " + end);
        String expected = render.get();
        String actual = doc.substring(from + begin.length(), to);
        if (Boolean.getBoolean(REGENERATE) && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, from + begin.length()) + expected + doc.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "docs/protocol.md is out of date with " + table + " in mq-protocol; regenerate"
                + " with: ./mvnw -pl mq-protocol test -Dtest=ProtocolDocTest -D" + REGENERATE + "=true");
    }
}
