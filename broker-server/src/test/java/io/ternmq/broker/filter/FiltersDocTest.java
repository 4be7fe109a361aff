package io.ternmq.broker.filter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keeps docs/filters.md honest: every expression in its Examples table compiles. */
class FiltersDocTest {

    private static final Path DOC = Path.of("..", "docs", "filters.md");
    private static final Pattern EXAMPLE_ROW = Pattern.compile("^\\| `([^`]+)` \\|");

    @Test
    void everyDocumentedExampleCompiles() throws IOException {
        String doc = Files.readString(DOC);
        String examples = doc.substring(doc.indexOf("### Examples"), doc.indexOf("## Error messages"));
        List<String> expressions = new ArrayList<>();
        for (String line : examples.split("\n")) {
            Matcher m = EXAMPLE_ROW.matcher(line);
            if (m.find()) {
                expressions.add(m.group(1));
            }
        }
        assertEquals(6, expressions.size(), "examples found: " + expressions);
        for (String expression : expressions) {
            assertDoesNotThrow(() -> FilterExpressions.compile(ExpressionType.SQL92, expression), expression);
        }
    }
}
