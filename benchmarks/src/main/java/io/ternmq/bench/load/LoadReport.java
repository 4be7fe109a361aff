package io.ternmq.bench.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The load tool's printed output: one progress line per interval, and at the end a human summary plus one
 * {@code RESULT key=value ...} line whose keys match the peer harness ({@code rec_per_s}, {@code MB_per_s},
 * {@code lat_ms_p99}, ...) so scripts can parse every tool's result the same way.
 */
final class LoadReport {
    private final PrintStream out;

    LoadReport(PrintStream out) {
        this.out = out;
    }

    /** One progress line from the counts of the last interval. */
    void progress(String phase, double elapsedSeconds, double intervalSeconds, ThroughputMeter.Interval send,
                  ThroughputMeter.Interval receive, boolean e2e, long errors) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s %5.0fs]", phase, elapsedSeconds));
        if (send != null) {
            line.append(String.format(Locale.ROOT, " send %,9.0f msg/s %7.1f MB/s  p50 %s  p99 %s ms |",
                    send.messages.sum() / intervalSeconds, send.bytes.sum() / intervalSeconds / 1e6,
                    ms(send.latency.percentile(50)), ms(send.latency.percentile(99))));
        }
        if (receive != null) {
            line.append(String.format(Locale.ROOT, " recv %,9.0f msg/s %7.1f MB/s",
                    receive.messages.sum() / intervalSeconds, receive.bytes.sum() / intervalSeconds / 1e6));
            if (e2e) {
                line.append(String.format(Locale.ROOT, "  e2e p50 %s  p99 %s ms",
                        ms(receive.latency.percentile(50)), ms(receive.latency.percentile(99))));
            }
            line.append(" |");
        }
        line.append(" errors ").append(errors);
        out.println(line);
    }

    /** The summary block and the RESULT line. */
    void summary(LoadOptions o, ThroughputMeter send, double sendSeconds, ThroughputMeter receive, double receiveSeconds,
                 CpuMeter cpu) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", o.mode.name().toLowerCase(Locale.ROOT));
        result.put("topics", o.topics);
        result.put("queues", o.queues);
        result.put("size", o.size);
        result.put("batch", o.batch);
        result.put("producers", o.producers);
        result.put("consumers", o.consumers);
        result.put("send", o.sync ? "sync" : "async" + o.inflight);
        result.put("rate", (long) o.rate);
        out.println();
        out.printf(Locale.ROOT, "== TernMQ load tool vs %s: %s%n", o.broker, settings(result));
        if (send != null) {
            section("produce", "send latency (ack)", send, sendSeconds, "", result);
        }
        if (receive != null) {
            section("consume", o.mode == Mode.E2E ? "produce->consume latency" : null, receive, receiveSeconds, "recv_", result);
            if (send != null) {
                result.put("lost", Math.max(0, send.messages() - receive.messages()));
            }
        }
        cpuPerMessage(cpu, send != null ? send.messages() : receive != null ? receive.messages() : 0, result);
        out.println("RESULT " + settings(result));
    }

    /** CPU per message (produced, or received in consume mode) over the measured window, client and broker. */
    private void cpuPerMessage(CpuMeter cpu, long messages, Map<String, Object> result) {
        if (messages <= 0) {
            return;
        }
        StringBuilder line = new StringBuilder("cpu per message:");
        if (cpu.clientNanos() >= 0) {
            double us = cpu.clientNanos() / 1e3 / messages;
            line.append(String.format(Locale.ROOT, " client %.2f us", us));
            result.put("cpu_us_per_msg", String.format(Locale.ROOT, "%.2f", us));
        }
        if (cpu.brokerNanos() >= 0) {
            double us = cpu.brokerNanos() / 1e3 / messages;
            line.append(String.format(Locale.ROOT, ", broker %.2f us", us));
            result.put("broker_cpu_us_per_msg", String.format(Locale.ROOT, "%.2f", us));
        }
        out.println(line);
    }

    private void section(String name, String latencyName, ThroughputMeter m, double seconds, String prefix,
                         Map<String, Object> result) {
        double recPerSec = seconds > 0 ? m.messages() / seconds : 0;
        double mbPerSec = seconds > 0 ? m.bytes() / seconds / 1e6 : 0;
        out.printf(Locale.ROOT, "%-8s: %,d msgs in %.2f s = %,.0f msg/s, %.2f MB/s, errors %d%n", name,
                m.messages(), seconds, recPerSec, mbPerSec, m.errors());
        result.put(prefix + "msgs", m.messages());
        result.put(prefix + "secs", round(seconds));
        result.put(prefix + "rec_per_s", round(recPerSec));
        result.put(prefix + "MB_per_s", round(mbPerSec));
        result.put(prefix + "errors", m.errors());
        if (latencyName == null || m.latency().count() == 0) {
            return;
        }
        LatencyHistogram h = m.latency();
        out.printf(Locale.ROOT, "  %s ms: p50 %s  p95 %s  p99 %s  p99.9 %s  max %s  (mean %s)%n", latencyName,
                ms(h.percentile(50)), ms(h.percentile(95)), ms(h.percentile(99)), ms(h.percentile(99.9)),
                ms(h.max()), ms((long) h.mean()));
        String k = prefix.isEmpty() ? "lat_ms_" : "e2e_ms_";
        result.put(k + "p50", ms(h.percentile(50)));
        result.put(k + "p95", ms(h.percentile(95)));
        result.put(k + "p99", ms(h.percentile(99)));
        result.put(k + "p999", ms(h.percentile(99.9)));
        result.put(k + "max", ms(h.max()));
        result.put(k + "avg", ms((long) h.mean()));
    }

    private static String settings(Map<String, Object> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    /** Microseconds as milliseconds with three decimals. */
    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
