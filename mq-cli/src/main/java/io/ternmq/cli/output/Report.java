package io.ternmq.cli.output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command prints: named scalar fields and named tables, in insertion order. One model, two renderings
 * ({@link OutputFormat#TABLE} for people, {@link OutputFormat#JSON} for scripts), so the two never drift apart.
 */
public final class Report {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** Adds a scalar field (string, number, boolean or null). */
    public Report field(String name, Object value) {
        entries.put(name, value);
        return this;
    }

    /** Adds a table. */
    public Report table(String name, Table table) {
        entries.put(name, table);
        return this;
    }

    Map<String, Object> entries() {
        return entries;
    }

    /** The report as nested maps and lists, ready for {@link JsonWriter}. */
    Map<String, Object> asJsonObject() {
        Map<String, Object> json = new LinkedHashMap<>();
        entries.forEach((name, value) -> json.put(name, value instanceof Table t ? t.asObjects() : value));
        return json;
    }
}
