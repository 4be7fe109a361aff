package io.ternmq.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent over the measured window, by this process (the client) and, when {@code --broker-pid} names a
 * local broker, by that process. On a machine whose cores the client and the broker share, CPU per message is a far
 * steadier figure than throughput: neighbours change how much CPU a run gets, much less what each message costs.
 *
 * <p>The broker's time comes from {@code /proc/PID/stat} (utime + stime, in clock ticks of 10 ms), so it is only
 * available on Linux and has a 10 ms resolution; the client's from the JVM. Both include every thread (JIT and GC
 * too), which is why measuring after a warm-up matters.
 */
final class CpuMeter {
    /** USER_HZ: the unit of /proc/PID/stat times; 100 on every mainstream Linux build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long brokerPid;
    private long clientStart = -1;
    private long brokerStart = -1;
    private long clientNanos = -1;
    private long brokerNanos = -1;

    /** @param brokerPid the broker's process id, or 0 to measure the client only */
    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    void start() {
        clientStart = clientCpuNanos();
        brokerStart = brokerCpuNanos();
    }

    void stop() {
        long client = clientCpuNanos();
        long broker = brokerCpuNanos();
        clientNanos = clientStart < 0 || client < 0 ? -1 : client - clientStart;
        brokerNanos = brokerStart < 0 || broker < 0 ? -1 : broker - brokerStart;
    }

    /** Client CPU over the window, or -1 when not measured. */
    long clientNanos() {
        return clientNanos;
    }

    /** Broker CPU over the window, or -1 when not measured. */
    long brokerNanos() {
        return brokerNanos;
    }

    private static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private long brokerCpuNanos() {
        if (brokerPid <= 0) {
            return -1;
        }
        try {
            return processCpuTicks(Files.readString(Path.of("/proc", Long.toString(brokerPid), "stat")))
                    * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * utime + stime of a {@code /proc/PID/stat} line. The command name (field 2) is in parentheses and may hold
     * spaces, so fields are counted from the last ')': utime and stime are fields 14 and 15.
     */
    static long processCpuTicks(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // rest[0] is field 3 (state), so field n is rest[n - 3]
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }
}
