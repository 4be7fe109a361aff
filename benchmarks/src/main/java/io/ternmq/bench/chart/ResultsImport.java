package io.ternmq.bench.chart;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Turns the metrics files of one run of a benchmark script into {@link ResultRow}s: per system and metric the median
 * over the rounds, with min and max when there was more than one round. Two shapes of input, both tab-separated:
 * {@code run-native-vs-peers.sh}'s {@code metrics.tsv} ({@code system, metric, round, value}; {@code --metrics}) and
 * one file per system with {@code metric, round, value} ({@code run-kafka-port-vs-kafka.sh}'s {@code ternmq.tsv}
 * and {@code kafka.tsv}; {@code --system-metrics ternmq=ternmq.tsv}). Empty or non-numeric values (a step that
 * failed) are skipped.
 *
 * <pre>
 * java -cp 'lib/*' io.ternmq.bench.chart.ResultsImport --comparison native-vs-peers --run "2026-11-22T09:10 3 rounds" \
 *     --metrics out/metrics.tsv --out out/results.csv [--append docs/benchmarks/results.csv]
 * </pre>
 */
@Command(name = "ResultsImport", mixinStandardHelpOptions = true,
        description = "Adds one benchmark run's metrics (median over rounds) to results CSV files.")
public final class ResultsImport implements Callable<Integer> {
    @Option(names = "--comparison", required = true, description = "e.g. native-vs-peers or kafka-port-vs-kafka")
    String comparison;

    @Option(names = "--run", required = true, description = "identifies the run: time, rounds, commit")
    String run;

    @Option(names = "--metrics", description = "TSV with system, metric, round, value per line")
    List<Path> metrics = new ArrayList<>();

    @Option(names = "--system-metrics", description = "SYSTEM=TSV with metric, round, value per line")
    Map<String, Path> systemMetrics = new LinkedHashMap<>();

    @Option(names = "--out", description = "write the run's rows to this CSV file (replaced)")
    Path out;

    @Option(names = "--append", description = "append the run's rows to this CSV file (created if missing)")
    Path append;

    @Override
    public Integer call() throws IOException {
        if (metrics.isEmpty() && systemMetrics.isEmpty()) {
            throw new IllegalArgumentException("give --metrics or --system-metrics");
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Path file : metrics) {
            collect(file, null, values);
        }
        for (Map.Entry<String, Path> entry : systemMetrics.entrySet()) {
            collect(entry.getValue(), entry.getKey(), values);
        }
        List<ResultRow> rows = rows(comparison, run, values);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no numeric values in " + metrics + " " + systemMetrics.values());
        }
        if (out != null) {
            Files.writeString(out, ResultsCsv.format(rows), StandardCharsets.UTF_8);
            System.out.println("wrote " + rows.size() + " rows to " + out);
        }
        if (append != null) {
            ResultsCsv.append(append, rows);
            System.out.println("appended " + rows.size() + " rows of run '" + run + "' to " + append);
        }
        if (out == null && append == null) {
            System.out.print(ResultsCsv.format(rows));
        }
        return 0;
    }

    /**
     * Reads one metrics file into {@code values}, keyed by system and metric ({@code system + '\t' + metric}).
     *
     * @param system the system of every line (3-column file), or null when the first column names it (4 columns)
     */
    static void collect(Path file, String system, Map<String, List<Double>> values) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int columns = system == null ? 4 : 3;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != columns) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + columns
                        + " tab-separated fields but found " + fields.length);
            }
            String sys = system == null ? fields[0] : system;
            String metric = fields[columns - 3];
            Double value = numeric(fields[columns - 1]);
            if (value != null) {
                values.computeIfAbsent(sys + '\t' + metric, k -> new ArrayList<>()).add(value);
            }
        }
    }

    /** One row per system and metric, in first-seen order: the median, with min and max over several rounds. */
    static List<ResultRow> rows(String comparison, String run, Map<String, List<Double>> values) {
        List<ResultRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Double>> entry : values.entrySet()) {
            String[] key = entry.getKey().split("\t", 2);
            List<Double> sorted = entry.getValue().stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            double min = n > 1 ? round(sorted.get(0)) : Double.NaN;
            double max = n > 1 ? round(sorted.get(n - 1)) : Double.NaN;
            rows.add(new ResultRow(comparison, run, key[0], key[1], MetricUnits.of(key[1]), round(median), min, max));
        }
        return rows;
    }

    private static Double numeric(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return Double.isFinite(value) && value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new ResultsImport());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("ResultsImport: " + e.getMessage());
            return 1;
        });
        System.exit(cl.execute(args));
    }
}
