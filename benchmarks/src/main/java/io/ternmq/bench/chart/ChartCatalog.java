package io.ternmq.bench.chart;

import io.ternmq.bench.chart.ChartSpec.Category;
import io.ternmq.bench.chart.ChartSpec.Series;

import java.util.List;

/**
 * The charts of docs/benchmarks.md. Metric keys are those of the scripts that produce them:
 * {@code benchmarks/run-native-vs-peers.sh} ({@value #NATIVE_VS_PEERS}: its merged {@code metrics.tsv}) and
 * {@code benchmarks/run-kafka-port-vs-kafka.sh} ({@value #KAFKA_PORT}: the peer harness's {@code run-kafka-bench.sh}
 * names).
 */
public final class ChartCatalog {
    /** TernMQ over its native protocol and load tool next to Kafka and RocketMQ with their own tools. */
    public static final String NATIVE_VS_PEERS = "native-vs-peers";
    /** TernMQ's Kafka port next to Apache Kafka, both driven by Kafka's perf tools. */
    public static final String KAFKA_PORT = "kafka-port-vs-kafka";

    private static final Series TERNMQ = new Series("ternmq", "TernMQ", "#2b6cb0");
    private static final Series KAFKA = new Series("kafka", "Apache Kafka", "#4a4a4a");
    private static final Series ROCKETMQ = new Series("rocketmq", "Apache RocketMQ", "#dd8a2b");
    private static final Series TERNMQ_KAFKA_PORT = new Series("ternmq", "TernMQ Kafka port", "#2b6cb0");

    private ChartCatalog() {
    }

    /** Every chart, in the order benchmarks.md shows them. */
    public static List<ChartSpec> charts() {
        return List.of(
                new ChartSpec("native-vs-peers-throughput.svg",
                        "Throughput: TernMQ vs Kafka vs RocketMQ (1 KiB messages, higher is better)",
                        NATIVE_VS_PEERS, MetricUnits.MSGS_PER_S, List.of(
                                new Category("produce_async_rec_per_s", "produce\nack from page cache"),
                                new Category("produce_async_batch_rec_per_s", "produce\nbatches of 16"),
                                new Category("produce_durable_rec_per_s", "produce\nack after fsync *"),
                                new Category("consume_recv_rec_per_s", "consume\n1 consumer"),
                                new Category("scale_1_rec_per_s", "1 topic\nx 1 queue"),
                                new Category("scale_1000_rec_per_s", "1,000 topics\nx 1 queue"),
                                new Category("scale_10000_rec_per_s", "10,000 topics\nx 1 queue")),
                        List.of(TERNMQ, KAFKA, ROCKETMQ),
                        "* TernMQ SYNC_FLUSH acks after fsync; Kafka acks=all on one node does not fsync."
                                + " Batches of 16: TernMQ only."),
                new ChartSpec("native-vs-peers-latency.svg",
                        "Produce-to-consume latency (ms, lower is better)",
                        NATIVE_VS_PEERS, MetricUnits.MS, List.of(
                                new Category("e2e_e2e_ms_p50", "p50"),
                                new Category("e2e_e2e_ms_p99", "p99"),
                                new Category("e2e_e2e_ms_p999", "p99.9")),
                        List.of(TERNMQ, KAFKA, ROCKETMQ),
                        "TernMQ at a fixed 1,000 msg/s on one queue; Kafka and RocketMQ with one message in flight."),
                new ChartSpec("kafka-port-throughput.svg",
                        "Kafka's perf tools: TernMQ Kafka port vs Apache Kafka (MB/s, higher is better)",
                        KAFKA_PORT, MetricUnits.MB_PER_S, List.of(
                                new Category("produce_acks1_MB_s", "produce\nacks=1"),
                                new Category("produce_acksall_MB_s", "produce\nacks=all"),
                                new Category("consume_MB_s", "consume\n(read back)")),
                        List.of(TERNMQ_KAFKA_PORT, KAFKA),
                        "ProducerPerformance and ConsumerPerformance, 1 KiB records; whiskers: min-max over the rounds."),
                new ChartSpec("kafka-port-latency.svg",
                        "Kafka's perf tools: end-to-end latency (ms, lower is better)",
                        KAFKA_PORT, MetricUnits.MS, List.of(
                                new Category("e2e_p99_ms", "EndToEndLatency\np99"),
                                new Category("e2e_p999_ms", "EndToEndLatency\np99.9"),
                                new Category("e2eus_p50_ms", "one in flight\np50"),
                                new Category("e2eus_p99_ms", "one in flight\np99"),
                                new Category("e2eus_p999_ms", "one in flight\np99.9")),
                        List.of(TERNMQ_KAFKA_PORT, KAFKA),
                        "EndToEndLatency reports whole milliseconds; the one-in-flight client a microsecond histogram."),
                new ChartSpec("kafka-port-topics.svg",
                        "Kafka's perf tools: produce over many topics (records/s, higher is better)",
                        KAFKA_PORT, MetricUnits.MSGS_PER_S, List.of(
                                new Category("scale_1_rec_per_s", "1 topic"),
                                new Category("scale_100_rec_per_s", "100 topics"),
                                new Category("scale_1000_rec_per_s", "1,000 topics")),
                        List.of(TERNMQ_KAFKA_PORT, KAFKA),
                        "Round-robin over N topics x 1 partition, one producer, acks=1."));
    }
}
