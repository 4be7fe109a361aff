package io.ternmq.cli;

import picocli.CommandLine.Option;

import java.time.Instant;

/**
 * {@code -b/-e/-c}: a store-time range and a result cap, shared (as a picocli mixin) by the commands that list
 * messages. Each command chooses where an open range begins.
 */
final class TimeRangeOptions {

    @Option(names = {"-b", "--begin"}, converter = TimeArgument.class,
            description = "Earliest store time: now, -1h, epoch ms, 2026-11-21T06:00:00[Z] (default: see the command).")
    Long begin;

    @Option(names = {"-e", "--end"}, converter = TimeArgument.class, defaultValue = "now",
            description = "Latest store time, same forms (default: now).")
    long end;

    @Option(names = {"-c", "--max"}, defaultValue = "64", description = "Maximum messages (default ${DEFAULT-VALUE}).")
    int max;

    /** The range start, {@code defaultBeginMs} when -b was not given; fails when it lies after the end. */
    Instant begin(long defaultBeginMs) {
        long from = begin != null ? begin : defaultBeginMs;
        if (from > end) {
            throw new IllegalArgumentException("-b is after -e");
        }
        return Instant.ofEpochMilli(from);
    }

    Instant end() {
        return Instant.ofEpochMilli(end);
    }
}
