package io.ternmq.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the CLI shows epoch-millisecond timestamps: ISO-8601 in the system time zone, or "-" when unknown. */
final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private Timestamps() {
    }

    /** Formatted time, or null (rendered "-") for values that mean "none" (zero or negative). */
    static String format(long epochMillis) {
        if (epochMillis <= 0) {
            return null;
        }
        return FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }
}
