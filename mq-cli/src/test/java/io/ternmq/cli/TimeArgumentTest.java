package io.ternmq.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeArgumentTest {
    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private final TimeArgument time = new TimeArgument(Clock.fixed(NOW, ZoneOffset.ofHours(1)));

    @Test
    void acceptsNowAndDurationsAgo() {
        assertEquals(NOW.toEpochMilli(), time.convert("now"));
        assertEquals(NOW.minusSeconds(3600).toEpochMilli(), time.convert("-1h"));
        assertEquals(NOW.minusSeconds(2 * 86400).toEpochMilli(), time.convert("-2d"));
    }

    @Test
    void acceptsEpochMillisIncludingZero() {
        assertEquals(0L, time.convert("0"));
        assertEquals(1795240800000L, time.convert("1795240800000"));
    }

    @Test
    void acceptsIsoTimesWithAndWithoutZone() {
        assertEquals(NOW.toEpochMilli(), time.convert("2026-11-21T06:00:00Z"));
        // without a zone: the clock's zone (UTC+1 here)
        assertEquals(NOW.toEpochMilli(), time.convert("2026-11-21T07:00:00"));
        assertEquals(Instant.parse("2026-11-20T23:00:00Z").toEpochMilli(), time.convert("2026-11-21"));
    }

    @Test
    void acceptsRocketMqsFormat() {
        assertEquals(NOW.toEpochMilli() + 123, time.convert("2026-11-21#07:00:00:123"));
    }

    @Test
    void rejectsAnythingElseWithAHint() {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> time.convert("yesterday"));
        assertEquals(true, e.getMessage().contains("epoch ms"));
    }
}
