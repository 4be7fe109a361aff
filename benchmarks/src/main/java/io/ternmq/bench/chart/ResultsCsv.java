package io.ternmq.bench.chart;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@code results.csv}, the benchmark figures the charts are drawn from.
 *
 * <p>Format: UTF-8 text; lines starting with {@code #} and blank lines are comments; the first other line is the
 * header {@value #HEADER}; every further line is one {@link ResultRow}. Fields are separated by commas; a field
 * holding a comma or a double quote is written in double quotes with inner quotes doubled (RFC 4180). {@code min}
 * and {@code max} are both empty (no range reported) or both numbers. The {@code unit} must be what
 * {@link MetricUnits#of} says for the metric, when it knows the metric. A run holds one value per system and metric.
 * Rows stay in file order, which is the order runs were added (the charts draw the last run of a comparison).
 */
public final class ResultsCsv {
    public static final String HEADER = "comparison,run,system,metric,unit,value,min,max";
    private static final int FIELDS = 8;

    private ResultsCsv() {
    }

    /** Parses the text of a results file; the exception names the line and what is wrong with it. */
    public static List<ResultRow> parse(String text) {
        List<ResultRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean header = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + number + ": expected the header '" + HEADER
                            + "' but found '" + line + "'");
                }
                header = true;
                continue;
            }
            ResultRow row = parseRow(line, number);
            String key = row.comparison() + '\u0000' + row.run() + '\u0000' + row.system() + '\u0000' + row.metric();
            if (!seen.add(key)) {
                throw new IllegalArgumentException("line " + number + ": run '" + row.run() + "' of " + row.comparison()
                        + " already has a value of " + row.metric() + " for " + row.system());
            }
            rows.add(row);
        }
        if (!header) {
            throw new IllegalArgumentException("no header line '" + HEADER + "'");
        }
        return rows;
    }

    /** Reads and parses a results file. */
    public static List<ResultRow> read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The header and the rows as CSV text. */
    public static String format(List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> out.append(formatRow(row)).append('\n'));
        return out.toString();
    }

    /** One row as a CSV line, without the line break. */
    public static String formatRow(ResultRow row) {
        return String.join(",", quote(row.comparison()), quote(row.run()), quote(row.system()), quote(row.metric()),
                quote(row.unit()), number(row.value()), row.hasRange() ? number(row.min()) : "",
                row.hasRange() ? number(row.max()) : "");
    }

    /**
     * Appends rows to a results file, creating it with the header when it does not exist. Refuses (and writes
     * nothing) when the result would not parse, e.g. because the run is already in the file.
     */
    public static void append(Path file, List<ResultRow> rows) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        StringBuilder added = new StringBuilder();
        if (existing.isEmpty()) {
            added.append(HEADER).append('\n');
        } else if (!existing.endsWith("\n")) {
            added.append('\n');
        }
        rows.forEach(row -> added.append(formatRow(row)).append('\n'));
        String combined = existing + added;
        try {
            parse(combined);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not appending to " + file + ": " + e.getMessage(), e);
        }
        Files.writeString(file, combined, StandardCharsets.UTF_8);
    }

    /** Shortest plain decimal of a value: 162571.0 is {@code 162571}, 0.250 is {@code 0.25}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static ResultRow parseRow(String line, int number) {
        List<String> fields = split(line, number);
        if (fields.size() != FIELDS) {
            throw new IllegalArgumentException("line " + number + ": expected " + FIELDS + " fields (" + HEADER
                    + ") but found " + fields.size());
        }
        for (int f = 0; f < 4; f++) {
            if (fields.get(f).isBlank()) {
                throw new IllegalArgumentException("line " + number + ": " + HEADER.split(",")[f] + " is empty");
            }
        }
        String metric = fields.get(3);
        String unit = fields.get(4);
        String expectedUnit = MetricUnits.of(metric);
        if (!expectedUnit.isEmpty() && !expectedUnit.equals(unit)) {
            throw new IllegalArgumentException("line " + number + ": the unit of " + metric + " is " + expectedUnit
                    + ", not '" + unit + "'");
        }
        double value = parseNumber(fields.get(5), "value", number);
        boolean noMin = fields.get(6).isEmpty();
        boolean noMax = fields.get(7).isEmpty();
        if (noMin != noMax) {
            throw new IllegalArgumentException("line " + number + ": give both min and max, or neither");
        }
        double min = noMin ? Double.NaN : parseNumber(fields.get(6), "min", number);
        double max = noMax ? Double.NaN : parseNumber(fields.get(7), "max", number);
        if (!noMin && !(min <= value && value <= max)) {
            throw new IllegalArgumentException("line " + number + ": value " + fields.get(5) + " is not within min "
                    + fields.get(6) + " .. max " + fields.get(7));
        }
        return new ResultRow(fields.get(0), fields.get(1), fields.get(2), metric, unit, value, min, max);
    }

    private static double parseNumber(String text, String field, int number) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + number + ": " + field + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("line " + number + ": " + field + " must be a finite number >= 0, not "
                    + text);
        }
        return value;
    }

    private static List<String> split(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                throw new IllegalArgumentException("line " + number + ": text after a closing quote at column "
                        + (i + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + number + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
