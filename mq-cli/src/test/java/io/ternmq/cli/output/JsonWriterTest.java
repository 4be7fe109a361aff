package io.ternmq.cli.output;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {

    @Test
    void writesNestedObjectsAndArraysInInsertionOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", "T");
        m.put("queues", List.of(1, 2));
        m.put("empty", Map.of());
        m.put("ok", true);
        m.put("none", null);
        assertEquals("{\n  \"topic\": \"T\",\n  \"queues\": [\n    1,\n    2\n  ],\n  \"empty\": {},\n"
                + "  \"ok\": true,\n  \"none\": null\n}", JsonWriter.write(m));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\t\"", JsonWriter.write("a\"b\\c\nd\u0001\t"));
    }

    @Test
    void keepsNonAsciiTextAsIs() {
        assertEquals("\"Grüße 你好\"", JsonWriter.write("Grüße 你好"));
    }

    @Test
    void writesNonFiniteNumbersAsStringsBecauseJsonHasNoNaN() {
        assertEquals("[\n  \"NaN\",\n  1.5,\n  \"Infinity\"\n]",
                JsonWriter.write(Arrays.asList(Double.NaN, 1.5, Double.POSITIVE_INFINITY)));
    }

    @Test
    void writesLongsWithoutLosingDigits() {
        assertEquals("9223372036854775807", JsonWriter.write(Long.MAX_VALUE));
    }
}
