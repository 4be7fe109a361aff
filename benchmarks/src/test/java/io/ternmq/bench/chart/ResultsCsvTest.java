package io.ternmq.bench.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsCsvTest {
    private static final String H = ResultsCsv.HEADER + "\n";

    @Test
    void readsRowsSkippingCommentsAndBlankLines() {
        List<ResultRow> rows = ResultsCsv.parse("# figures\n\n" + H
                + "native-vs-peers,run 1,ternmq,produce_async_rec_per_s,msg/s,162571,,\n"
                + "# a comment between rows\n"
                + "kafka-port-vs-kafka,\"r2, two rounds\",kafka,consume_MB_s,MB/s,544.7,540.7,548.6\n");

        assertEquals(2, rows.size());
        ResultRow first = rows.get(0);
        assertEquals(List.of("native-vs-peers", "run 1", "ternmq", "produce_async_rec_per_s", "msg/s"),
                List.of(first.comparison(), first.run(), first.system(), first.metric(), first.unit()));
        assertEquals(162571, first.value());
        assertFalse(first.hasRange());
        ResultRow second = rows.get(1);
        assertEquals("r2, two rounds", second.run(), "a quoted field keeps its comma");
        assertTrue(second.hasRange());
        assertEquals(540.7, second.min());
        assertEquals(548.6, second.max());
    }

    @Test
    void formatRoundTripsAndQuotesOnlyWhenNeeded() {
        List<ResultRow> rows = List.of(
                new ResultRow("c", "run \"x\", 2", "kafka", "e2e_p99_ms", "ms", 3.5, 3.0, 4.25),
                ResultRow.of("c", "plain", "ternmq", "scale_1_rec_per_s", 84446));
        String text = ResultsCsv.format(rows);

        assertEquals(H + "c,\"run \"\"x\"\", 2\",kafka,e2e_p99_ms,ms,3.5,3,4.25\n"
                + "c,plain,ternmq,scale_1_rec_per_s,msg/s,84446,,\n", text);
        assertEquals(rows, ResultsCsv.parse(text));
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        assertMessage("line 1: expected the header", "comparison,run\n");
        assertMessage("line 2: expected 8 fields", H + "a,b,c\n");
        assertMessage("line 2: value 'fast' is not a number", H + "c,r,s,x_rec_s,msg/s,fast,,\n");
        assertMessage("line 2: give both min and max", H + "c,r,s,x_rec_s,msg/s,1,1,\n");
        assertMessage("line 2: value 5 is not within min 1 .. max 2", H + "c,r,s,x_rec_s,msg/s,5,1,2\n");
        assertMessage("line 2: the unit of x_MB_s is MB/s, not 'msg/s'", H + "c,r,s,x_MB_s,msg/s,1,,\n");
        assertMessage("line 2: a quoted field is not closed", H + "c,\"r,s,x_rec_s,msg/s,1,,\n");
        assertMessage("line 2: system is empty", H + "c,r,,x_rec_s,msg/s,1,,\n");
        assertMessage("line 3: run 'r' of c already has a value of x_rec_s for s",
                H + "c,r,s,x_rec_s,msg/s,1,,\nc,r,s,x_rec_s,msg/s,2,,\n");
        assertMessage("no header line", "# only comments\n");
    }

    @Test
    void appendCreatesTheFileWithAHeaderThenAddsRunsButNeverTheSameRunTwice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.csv");
        ResultsCsv.append(file, List.of(ResultRow.of("c", "r1", "ternmq", "consume_MB_s", 1.5)));
        ResultsCsv.append(file, List.of(ResultRow.of("c", "r2", "ternmq", "consume_MB_s", 2)));

        assertEquals(H + "c,r1,ternmq,consume_MB_s,MB/s,1.5,,\nc,r2,ternmq,consume_MB_s,MB/s,2,,\n",
                Files.readString(file, StandardCharsets.UTF_8));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> ResultsCsv.append(file, List.of(ResultRow.of("c", "r2", "ternmq", "consume_MB_s", 3))));
        assertTrue(again.getMessage().contains("already has a value"), again.getMessage());
        assertEquals(3, Files.readAllLines(file).size(), "a refused append writes nothing");
    }

    @Test
    void unitsFollowTheScriptsMetricNames() {
        assertEquals("msg/s", MetricUnits.of("produce_async_rec_per_s"));
        assertEquals("msg/s", MetricUnits.of("produce_acks1_rec_s"));
        assertEquals("MB/s", MetricUnits.of("consume_recv_MB_per_s"));
        assertEquals("MB/s", MetricUnits.of("produce_acksall_MB_s"));
        assertEquals("ms", MetricUnits.of("e2e_e2e_ms_p999"));
        assertEquals("ms", MetricUnits.of("produce_async_lat_ms_p99"));
        assertEquals("ms", MetricUnits.of("e2eus_p50_ms"));
        assertEquals("s", MetricUnits.of("scale_10000_create_s"));
        assertEquals("s", MetricUnits.of("scale_1_warmup_secs"));
        assertEquals("", MetricUnits.of("something_else"));
    }

    private static void assertMessage(String expected, String csv) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsCsv.parse(csv));
        assertTrue(e.getMessage().startsWith(expected), "'" + e.getMessage() + "' should start with '" + expected + "'");
    }
}
