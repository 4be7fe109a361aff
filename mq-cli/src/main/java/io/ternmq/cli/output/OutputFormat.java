package io.ternmq.cli.output;

/** How a {@link Report} is printed: {@code -o table} (default) or {@code -o json}. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** One JSON object per command, for scripts ({@code | jq}). */
    JSON;

    /** Renders the report in this format, ending with a newline. */
    public String render(Report report) {
        return switch (this) {
            case TABLE -> TextRenderer.render(report);
            case JSON -> JsonWriter.write(report.asJsonObject()) + System.lineSeparator();
        };
    }
}
