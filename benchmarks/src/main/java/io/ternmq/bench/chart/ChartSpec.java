package io.ternmq.bench.chart;

import java.util.List;

/**
 * What one chart shows: for one comparison, a group of bars per metric (category), one bar per system (series),
 * all in one unit. The data come from the comparison's last run in the results file ({@link ChartData}).
 *
 * @param file       the SVG file name, e.g. {@code native-vs-peers-throughput.svg}
 * @param title      the chart's heading
 * @param comparison the {@link ResultRow#comparison()} whose rows it draws
 * @param unit       the unit of every metric in it (the y axis)
 * @param categories the metrics, left to right; a metric no system has in the run is left out
 * @param series     the systems, in bar order within each group
 * @param note       a line under the chart (caveats), or empty
 */
public record ChartSpec(String file, String title, String comparison, String unit, List<Category> categories,
                        List<Series> series, String note) {
    public ChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException(file + ": a chart needs at least one category and one series");
        }
        for (Category c : categories) {
            String metricUnit = MetricUnits.of(c.metric());
            if (!metricUnit.equals(unit)) {
                throw new IllegalArgumentException(file + ": " + c.metric() + " is in '" + metricUnit
                        + "', the chart in '" + unit + "'");
            }
        }
    }

    /**
     * One group of bars.
     *
     * @param metric the metric key in the results file
     * @param label  the text under the group; a {@code \n} breaks it into two lines
     */
    public record Category(String metric, String label) {
    }

    /**
     * One system's bars.
     *
     * @param system the {@link ResultRow#system()} key
     * @param label  the name in the legend
     * @param color  the bars' fill, e.g. {@code #2b6cb0}
     */
    public record Series(String system, String label, String color) {
    }
}
