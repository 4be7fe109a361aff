package io.ternmq.cli;

import picocli.CommandLine;

import java.time.Duration;

/** Parses {@code --timeout} values: {@code 500ms}, {@code 5s}, {@code 2m}, or a plain number of seconds. */
public final class DurationArgument implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim();
        try {
            if (v.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), value);
            }
            if (v.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            if (v.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            return positive(Duration.ofSeconds(Long.parseLong(v)), value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: use 500ms, 5s, 2m or seconds");
        }
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be positive");
        }
        return d;
    }
}
