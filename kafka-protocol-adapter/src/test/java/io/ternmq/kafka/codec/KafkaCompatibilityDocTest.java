package io.ternmq.kafka.codec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table in docs/kafka-compatibility.md between {@code <!-- BEGIN GENERATED: api-versions -->} and
 * {@code <!-- END GENERATED: api-versions -->} must equal what {@link ApiVersionTable} renders from {@link ApiKey}.
 * Run with {@code -Dternmq.docs.regenerate=true} to rewrite it in place instead of failing.
 */
class KafkaCompatibilityDocTest {
    /** Surefire runs in the module directory; the docs live beside the modules. */
    private static final Path DOC = Path.of("..", "docs", "kafka-compatibility.md");
    private static final String REGENERATE = "ternmq.docs.regenerate";
    private static final String TABLE = "api-versions";

    @Test
    void generatedApiVersionsTableMatchesTheApiKeyTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String begin = "<!-- BEGIN GENERATED: " + TABLE + " -->\n";
        String end = "<!-- END GENERATED: " + TABLE + " -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertTrue(from >= 0 && to > from, DOC.toAbsolutePath().normalize() + " lacks the markers " + begin.trim()
                + " ... " + end);
        String expected = ApiVersionTable.render();
        String actual = doc.substring(from + begin.length(), to);
        if (Boolean.getBoolean(REGENERATE) && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, from + begin.length()) + expected + doc.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "docs/kafka-compatibility.md is out of date with ApiKey; regenerate with:"
                + " ./mvnw -pl kafka-protocol-adapter test -Dtest=KafkaCompatibilityDocTest -D" + REGENERATE + "=true");
    }
}
