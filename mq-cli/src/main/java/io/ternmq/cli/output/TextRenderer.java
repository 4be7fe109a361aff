package io.ternmq.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Report} as text: fields as aligned {@code Name: value} lines, tables as left-aligned columns
 * under upper-case headers (numbers right-aligned), separated by blank lines.
 */
final class TextRenderer {
    private static final String NL = System.lineSeparator();
    private static final String GAP = "  ";

    private TextRenderer() {
    }

    static String render(Report report) {
        StringBuilder out = new StringBuilder();
        int keyWidth = report.entries().entrySet().stream().filter(e -> !(e.getValue() instanceof Table))
                .mapToInt(e -> e.getKey().length()).max().orElse(0);
        boolean previousWasTable = false;
        for (Map.Entry<String, Object> e : report.entries().entrySet()) {
            if (e.getValue() instanceof Table table) {
                if (out.length() > 0) {
                    out.append(NL);
                }
                table(table, out);
                previousWasTable = true;
            } else {
                if (previousWasTable) {
                    out.append(NL);
                    previousWasTable = false;
                }
                out.append(String.format("%-" + (keyWidth + 1) + "s %s", e.getKey() + ":", cell(e.getValue()))).append(NL);
            }
        }
        return out.toString();
    }

    private static void table(Table table, StringBuilder out) {
        List<String> headers = new ArrayList<>();
        for (String c : table.columns()) {
            headers.add(header(c));
        }
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            numeric[i] = !table.rows().isEmpty();
        }
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
                numeric[i] &= row.get(i) == null || row.get(i) instanceof Number;
            }
        }
        line(headers.toArray(), widths, numeric, out);
        for (List<Object> row : table.rows()) {
            line(row.toArray(), widths, numeric, out);
        }
        if (table.rows().isEmpty()) {
            out.append("(none)").append(NL);
        }
    }

    private static void line(Object[] cells, int[] widths, boolean[] numeric, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String text = cell(cells[i]);
            boolean last = i == cells.length - 1;
            if (numeric[i]) {
                line.append(" ".repeat(widths[i] - text.length())).append(text);
            } else {
                line.append(text);
                if (!last) {
                    line.append(" ".repeat(widths[i] - text.length()));
                }
            }
            if (!last) {
                line.append(GAP);
            }
        }
        out.append(line.toString().stripTrailing()).append(NL);
    }

    private static String cell(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** {@code brokerOffset} -> {@code BROKER_OFFSET}. */
    static String header(String column) {
        return column.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
