package io.ternmq.bench.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers one chart draws: the last run of its comparison in the results, as one row of bars per category that
 * has at least one value, one bar slot per series.
 *
 * @param spec       the chart
 * @param run        the run drawn
 * @param categories the categories with data, in the spec's order
 * @param bars       {@code bars.get(c).get(s)}: the row of category c and series s, or null when that system has no
 *                   value of the metric in the run
 */
public record ChartData(ChartSpec spec, String run, List<ChartSpec.Category> categories, List<List<ResultRow>> bars) {

    /**
     * Selects a chart's data from all rows of a results file; empty when the comparison has no run with a value of
     * the chart's metrics. The last run is the one whose first row (with one of the chart's metrics) comes last in the file.
     */
    public static Optional<ChartData> select(ChartSpec spec, List<ResultRow> rows) {
        Set<String> runs = new LinkedHashSet<>();
        for (ResultRow row : rows) {
            if (row.comparison().equals(spec.comparison())
                    && spec.categories().stream().anyMatch(c -> c.metric().equals(row.metric()))) {
                runs.add(row.run());
            }
        }
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        String run = runs.stream().reduce((first, second) -> second).orElseThrow();
        List<ChartSpec.Category> categories = new ArrayList<>();
        List<List<ResultRow>> bars = new ArrayList<>();
        for (ChartSpec.Category category : spec.categories()) {
            List<ResultRow> slots = new ArrayList<>();
            boolean any = false;
            for (ChartSpec.Series series : spec.series()) {
                ResultRow found = find(rows, spec.comparison(), run, series.system(), category.metric());
                slots.add(found);
                any |= found != null;
            }
            if (any) {
                categories.add(category);
                bars.add(Collections.unmodifiableList(slots));
            }
        }
        return Optional.of(new ChartData(spec, run, List.copyOf(categories), List.copyOf(bars)));
    }

    /** The highest value or range end in the chart. */
    public double maxValue() {
        double max = 0;
        for (List<ResultRow> group : bars) {
            for (ResultRow row : group) {
                if (row != null) {
                    max = Math.max(max, row.hasRange() ? Math.max(row.max(), row.value()) : row.value());
                }
            }
        }
        return max;
    }

    private static ResultRow find(List<ResultRow> rows, String comparison, String run, String system, String metric) {
        for (ResultRow row : rows) {
            if (row.comparison().equals(comparison) && row.run().equals(run) && row.system().equals(system)
                    && row.metric().equals(metric)) {
                return row;
            }
        }
        return null;
    }
}
