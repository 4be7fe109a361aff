/**
 * Benchmark results as data and charts: {@link io.ternmq.bench.chart.ResultsCsv} reads and writes
 * {@code docs/benchmarks/results.csv}, {@link io.ternmq.bench.chart.ResultsImport} turns the metrics files of the
 * benchmark scripts into rows of it, and {@link io.ternmq.bench.chart.ChartsMain} draws the charts of
 * {@link io.ternmq.bench.chart.ChartCatalog} as SVG with {@link io.ternmq.bench.chart.BarChartSvg}. Plain Java, no
 * dependency beyond picocli for the command lines.
 */
package io.ternmq.bench.chart;
