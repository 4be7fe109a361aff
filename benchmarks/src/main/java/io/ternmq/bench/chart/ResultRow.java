package io.ternmq.bench.chart;

import java.util.Objects;

/**
 * One figure of a benchmark run: one system's value of one metric, as a line of {@code results.csv}.
 *
 * @param comparison which side-by-side it belongs to, e.g. {@code native-vs-peers} or {@code kafka-port-vs-kafka}
 * @param run        identifies the run within the comparison (time, rounds, commit); rows of one run share it
 * @param system     {@code ternmq}, {@code kafka} or {@code rocketmq}
 * @param metric     the metric's key as the benchmark script names it, e.g. {@code produce_async_rec_per_s}
 * @param unit       the metric's unit ({@link MetricUnits#of})
 * @param value      the figure (the median when the run had several rounds)
 * @param min        lowest value over the rounds, or NaN when not reported
 * @param max        highest value over the rounds, or NaN when not reported
 */
public record ResultRow(String comparison, String run, String system, String metric, String unit, double value,
                        double min, double max) {
    public ResultRow {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
    }

    /** A row without a range. */
    public static ResultRow of(String comparison, String run, String system, String metric, double value) {
        return new ResultRow(comparison, run, system, metric, MetricUnits.of(metric), value, Double.NaN, Double.NaN);
    }

    /** Whether min and max were reported. */
    public boolean hasRange() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }
}
