package io.ternmq.bench.chart;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charts committed under docs/benchmarks/ must be exactly what {@link ChartsMain} draws from the committed
 * docs/benchmarks/results.csv, and docs/benchmarks.md must show each of them. Run with
 * {@code -Dternmq.docs.regenerate=true} to rewrite the charts instead of failing.
 */
class BenchmarkChartsUpToDateTest {
    /** Surefire runs in the module directory; the docs live beside the modules. */
    private static final Path DIR = Path.of("..", "docs", "benchmarks");
    private static final Path PAGE = Path.of("..", "docs", "benchmarks.md");
    private static final String REGENERATE = "ternmq.docs.regenerate";
    private static final String COMMAND = "./mvnw -B -ntp -o -pl benchmarks -am test -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtest=BenchmarkChartsUpToDateTest -D" + REGENERATE + "=true";

    @Test
    void committedChartsMatchTheCommittedResults() throws Exception {
        Path csv = DIR.resolve("results.csv");
        if (Boolean.getBoolean(REGENERATE)) {
            ChartsMain.write(csv, DIR);
        }
        Map<String, String> expected = ChartsMain.renderAll(ResultsCsv.read(csv));
        assertEquals(ChartCatalog.charts().size(), expected.size(), "every chart of the catalogue has data");
        TreeSet<String> committed = new TreeSet<>();
        for (Path file : ChartsMain.generatedFiles(DIR)) {
            committed.add(file.getFileName().toString());
        }
        assertEquals(new TreeSet<>(expected.keySet()), committed, "generated SVGs in docs/benchmarks/ are not the"
                + " charts of the catalogue; regenerate with:\n  " + COMMAND + "\n");
        for (Map.Entry<String, String> chart : expected.entrySet()) {
            String actual = Files.readString(DIR.resolve(chart.getKey()), StandardCharsets.UTF_8);
            assertEquals(chart.getValue(), actual, "docs/benchmarks/" + chart.getKey() + " is out of date with"
                    + " results.csv or the chart code; regenerate with:\n  " + COMMAND + "\n");
        }
    }

    @Test
    void theBenchmarksPageShowsEveryChart() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> missing = ChartCatalog.charts().stream().map(ChartSpec::file)
                .filter(file -> !page.contains("(benchmarks/" + file + ")")).toList();
        assertTrue(missing.isEmpty(), "docs/benchmarks.md does not embed " + missing);
    }
}
