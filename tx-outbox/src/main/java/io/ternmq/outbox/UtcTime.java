package io.ternmq.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How tx-outbox stores times: {@code DATETIME(3)} columns holding UTC, bound as {@link LocalDateTime} so that neither
 * the JVM's nor the server's time zone shifts them (a {@code java.sql.Timestamp} would be written in the JVM's zone,
 * which repeats an hour at the end of summer time). Times always come from an injected {@link java.time.Clock},
 * never from {@code NOW()}, so tests control them.
 */
public final class UtcTime {
    private UtcTime() {
    }

    /** The column value for {@code instant}, truncated to milliseconds like the column. */
    public static LocalDateTime column(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    /** The instant a column value stands for; null stays null. */
    public static Instant instant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
