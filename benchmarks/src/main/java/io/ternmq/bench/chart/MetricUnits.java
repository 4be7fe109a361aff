package io.ternmq.bench.chart;

/**
 * The unit of a metric, read from the suffixes the benchmark scripts give their keys ({@code run-native-vs-peers.sh}'s
 * {@code metrics.tsv} and the peer harness's {@code run-kafka-bench.sh}).
 */
public final class MetricUnits {
    public static final String MSGS_PER_S = "msg/s";
    public static final String MB_PER_S = "MB/s";
    public static final String MS = "ms";
    public static final String SECONDS = "s";

    private MetricUnits() {
    }

    /**
     * {@code MB/s} for {@code *_MB_per_s} / {@code *_MB_s}; {@code ms} for latencies ({@code *_ms}, {@code *_ms_p99},
     * {@code *_lat_ms_*}); {@code msg/s} for {@code *_rec_per_s} / {@code *_rec_s}; {@code s} for {@code *_create_s}
     * and {@code *_secs}; empty for anything else.
     */
    public static String of(String metric) {
        if (metric.endsWith("_MB_per_s") || metric.endsWith("_MB_s")) {
            return MB_PER_S;
        }
        if (metric.endsWith("_ms") || metric.contains("_ms_")) {
            return MS;
        }
        if (metric.endsWith("_rec_per_s") || metric.endsWith("_rec_s")) {
            return MSGS_PER_S;
        }
        if (metric.endsWith("_create_s") || metric.endsWith("_secs")) {
            return SECONDS;
        }
        return "";
    }
}
