package io.ternmq.cli;

import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses a point in time given on the command line into epoch milliseconds. Accepted forms:
 * {@code now}; a duration ago ({@code -1h}, {@code -30m}, {@code -2d}, {@code -10s}); epoch milliseconds (any
 * plain number, so {@code 0} is "the beginning");
 * ISO-8601 with or without zone ({@code 2026-11-21T06:00:00Z}, {@code 2026-11-21T06:00}, {@code 2026-11-21});
 * and RocketMQ's {@code yyyy-MM-dd#HH:mm:ss:SSS}. Times without a zone are in the system time zone.
 */
public final class TimeArgument implements CommandLine.ITypeConverter<Long> {
    private static final DateTimeFormatter ROCKETMQ = DateTimeFormatter.ofPattern("yyyy-MM-dd'#'HH:mm:ss:SSS");

    private final Clock clock;
    private final ZoneId zone;

    public TimeArgument() {
        this(Clock.systemDefaultZone());
    }

    TimeArgument(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
    }

    @Override
    public Long convert(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("now")) {
            return clock.millis();
        }
        if (v.matches("-\\d+[smhd]")) {
            return clock.millis() - ago(v.substring(1)).toMillis();
        }
        if (v.matches("\\d+")) {
            return Long.parseLong(v);
        }
        try {
            if (v.contains("#")) {
                return LocalDateTime.parse(v, ROCKETMQ).atZone(zone).toInstant().toEpochMilli();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(v)).toEpochMilli();
            }
            if (v.contains("T")) {
                return LocalDateTime.parse(v).atZone(zone).toInstant().toEpochMilli();
            }
            return LocalDate.parse(v).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time: use now, -1h, epoch ms, "
                    + "2026-11-21T06:00:00[Z] or 2026-11-21#06:00:00:000");
        }
    }

    private static Duration ago(String amount) {
        long n = Long.parseLong(amount.substring(0, amount.length() - 1));
        return switch (amount.charAt(amount.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
