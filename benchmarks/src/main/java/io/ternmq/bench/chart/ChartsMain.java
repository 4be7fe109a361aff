package io.ternmq.bench.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Draws every chart of {@link ChartCatalog} from a results file into a directory:
 * {@code java -cp 'lib/*' io.ternmq.bench.chart.ChartsMain [results.csv] [outDir]} (defaults
 * {@value #DEFAULT_CSV} and {@value #DEFAULT_DIR}, relative to the current directory, i.e. run it from the
 * repository root). A chart whose comparison has no data is not drawn; an SVG in the directory that this generator
 * wrote earlier ({@link BarChartSvg#MARKER}) and no longer draws is deleted. {@code BenchmarkChartsUpToDateTest}
 * fails when the committed charts differ from what this renders.
 */
public final class ChartsMain {
    static final String DEFAULT_CSV = "docs/benchmarks/results.csv";
    static final String DEFAULT_DIR = "docs/benchmarks";

    private ChartsMain() {
    }

    /** File name to SVG text of every chart that has data, in catalogue order. */
    public static Map<String, String> renderAll(List<ResultRow> rows) {
        Map<String, String> charts = new LinkedHashMap<>();
        for (ChartSpec spec : ChartCatalog.charts()) {
            ChartData.select(spec, rows).ifPresent(data -> charts.put(spec.file(), BarChartSvg.render(data)));
        }
        return charts;
    }

    /** SVG files in a directory that the generator wrote (they start with its marker). */
    public static List<Path> generatedFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".svg")).sorted().toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains(BarChartSvg.MARKER)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** Writes the charts of {@code csv} into {@code dir} and deletes generated charts it no longer draws. */
    public static List<Path> write(Path csv, Path dir) throws IOException {
        Map<String, String> charts = renderAll(ResultsCsv.read(csv));
        Files.createDirectories(dir);
        for (Path old : generatedFiles(dir)) {
            if (!charts.containsKey(old.getFileName().toString())) {
                Files.delete(old);
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> chart : charts.entrySet()) {
            Path file = dir.resolve(chart.getKey());
            Files.writeString(file, chart.getValue(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    public static void main(String[] args) {
        if (args.length > 2 || (args.length > 0 && args[0].startsWith("-"))) {
            System.err.println("usage: ChartsMain [results.csv] [outDir]   (defaults: " + DEFAULT_CSV + " "
                    + DEFAULT_DIR + ")");
            System.exit(2);
        }
        Path csv = Path.of(args.length > 0 ? args[0] : DEFAULT_CSV);
        Path dir = Path.of(args.length > 1 ? args[1] : DEFAULT_DIR);
        try {
            for (Path file : write(csv, dir)) {
                System.out.println("wrote " + file);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ChartsMain: " + e.getMessage());
            System.exit(1);
        }
    }
}
