package io.ternmq.bench.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsImportTest {
    @TempDir
    Path dir;

    @Test
    void nativeVsPeersMetricsBecomeMediansWithTheirRangeOverRounds() throws Exception {
        // the shape run-native-vs-peers.sh writes: system, metric, round, value
        Path tsv = write("metrics.tsv", """
                ternmq\tproduce_async_rec_per_s\t1\t162571.2
                kafka\tproduce_async_rec_per_s\t1\t117495.006462
                ternmq\tproduce_async_rec_per_s\t2\t150000
                ternmq\tproduce_async_rec_per_s\t3\t170000
                kafka\tproduce_async_rec_per_s\t2\t120000.5
                rocketmq\te2e_e2e_ms_p99\t1\t4.463
                kafka\te2e_p50_ms\t1\t
                kafka\tconsume_recv_rec_per_s\t1\tn/a
                """);
        Path out = dir.resolve("results.csv");
        int exit = new CommandLine(new ResultsImport()).execute("--comparison", "native-vs-peers", "--run", "r, 3",
                "--metrics", tsv.toString(), "--out", out.toString());

        assertEquals(0, exit);
        assertEquals(List.of(
                new ResultRow("native-vs-peers", "r, 3", "ternmq", "produce_async_rec_per_s", "msg/s", 162571.2,
                        150000, 170000),
                new ResultRow("native-vs-peers", "r, 3", "kafka", "produce_async_rec_per_s", "msg/s", 118747.753,
                        117495.006, 120000.5),
                ResultRow.of("native-vs-peers", "r, 3", "rocketmq", "e2e_e2e_ms_p99", 4.463)),
                ResultsCsv.read(out), "empty and non-numeric values (failed steps) are skipped");
    }

    @Test
    void perSystemFilesOfTheKafkaPortScriptAreAppendedAsOneRun() throws Exception {
        // the shape run-kafka-port-vs-kafka.sh collects per system: metric, round, value
        Path ternmq = write("ternmq.tsv", "consume_MB_s\t1\t446.5\nconsume_MB_s\t2\t479.9\n");
        Path kafka = write("kafka.tsv", "consume_MB_s\t1\t540.7\nconsume_MB_s\t2\t548.6\n");
        Path csv = dir.resolve("cumulative.csv");
        Files.writeString(csv, "# history\n" + ResultsCsv.HEADER + "\nkafka-port-vs-kafka,old,kafka,consume_MB_s,MB/s,1,,\n");

        int exit = new CommandLine(new ResultsImport()).execute("--comparison", "kafka-port-vs-kafka", "--run", "new",
                "--system-metrics", "ternmq=" + ternmq, "--system-metrics", "kafka=" + kafka,
                "--append", csv.toString());

        assertEquals(0, exit);
        List<ResultRow> rows = ResultsCsv.read(csv);
        assertEquals(3, rows.size());
        assertEquals(new ResultRow("kafka-port-vs-kafka", "new", "ternmq", "consume_MB_s", "MB/s", 463.2, 446.5,
                479.9), rows.get(1));
        assertEquals(new ResultRow("kafka-port-vs-kafka", "new", "kafka", "consume_MB_s", "MB/s", 544.65, 540.7,
                548.6), rows.get(2));
        assertTrue(Files.readString(csv).startsWith("# history\n"), "the existing file is kept as it was");
    }

    @Test
    void aMalformedMetricsFileIsAnErrorNamingTheLine() throws Exception {
        Path tsv = write("metrics.tsv", "ternmq\tproduce_async_rec_per_s\t1\t5\nbroken line\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsImport.collect(tsv, null, new java.util.LinkedHashMap<>()));
        assertEquals(tsv + " line 2: expected 4 tab-separated fields but found 1", e.getMessage());
    }

    @Test
    void refusesToRunWithoutInput() {
        CommandLine cl = new CommandLine(new ResultsImport());
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(1, cl.execute("--comparison", "c", "--run", "r"));
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
