package io.ternmq.broker.delay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delay level table ({@code messageDelayLevel}, RocketMQ's format): space-separated durations with a unit
 * {@code s}, {@code m}, {@code h} or {@code d}, level 1 first. The default is
 * {@code 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h}. Level {@code n} is stored in queue
 * {@code n - 1} of {@link ScheduleTopics#SCHEDULE_TOPIC}, so changing the number of levels between restarts
 * strands messages waiting in dropped levels (they are delivered with the new table's delay of their queue).
 *
 * <p>Immutable.
 */
public final class DelayLevels {
    /** RocketMQ's 18 levels. */
    public static final String DEFAULT = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
    /** More levels than this is a configuration error (a queue per level). */
    public static final int MAX_LEVELS = 64;

    private final long[] delaysMs;

    private DelayLevels(long[] delaysMs) {
        this.delaysMs = delaysMs;
    }

    /** Parses a table; throws IllegalArgumentException with {@link #problem} when it is invalid. */
    public static DelayLevels parse(String table) {
        Optional<String> problem = problem(table);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        List<Long> delays = new ArrayList<>();
        for (String item : table.trim().split("\\s+")) {
            delays.add(durationMs(item));
        }
        return new DelayLevels(delays.stream().mapToLong(Long::longValue).toArray());
    }

    /** Why the table is invalid, or empty. */
    public static Optional<String> problem(String table) {
        if (table == null || table.isBlank()) {
            return Optional.of("the delay level table is empty");
        }
        String[] items = table.trim().split("\\s+");
        if (items.length > MAX_LEVELS) {
            return Optional.of("more than " + MAX_LEVELS + " delay levels");
        }
        for (String item : items) {
            if (durationMs(item) <= 0) {
                return Optional.of("'" + item + "' is not a positive duration like 5s, 1m, 2h or 1d");
            }
        }
        return Optional.empty();
    }

    private static long durationMs(String item) {
        if (item.length() < 2 || item.length() > 8) {
            return -1;
        }
        long unit = switch (item.charAt(item.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> -1;
        };
        String digits = item.substring(0, item.length() - 1);
        if (unit < 0 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits) * unit;
    }

    /** Number of levels; valid levels are {@code 1 .. count()}. */
    public int count() {
        return delaysMs.length;
    }

    /** The delay of a level, clamped into {@code 1 .. count()}. */
    public long delayMs(int level) {
        return delaysMs[clamp(level) - 1];
    }

    /** A level forced into {@code 1 .. count()}: RocketMQ also treats too-high levels as the last one. */
    public int clamp(int level) {
        return Math.max(1, Math.min(level, delaysMs.length));
    }
}
