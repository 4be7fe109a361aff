package io.ternmq.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A broker in its own JVM ({@code BrokerLauncher} on this JVM's class path), so that it can be killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) and restarted on the same store directory and port. Crash tests of
 * every module share it; the broker's stderr goes to {@code <storeDir>-broker.log} next to the store.
 */
public final class BrokerProcess implements AutoCloseable {
    private final Path storeDir;
    private final int port;
    private final String flushDiskType;
    private final Map<String, String> extraConfig;
    private final Path log;
    private Process process;

    public BrokerProcess(Path storeDir, String flushDiskType) {
        this(storeDir, flushDiskType, Map.of());
    }

    /**
     * @param flushDiskType {@code SYNC_FLUSH} or {@code ASYNC_FLUSH}
     * @param extraConfig   more {@code -p key=value} settings, e.g. {@code kafkaEnable} and a fixed
     *                      {@code kafkaListenPort} (see {@link #freePort()}) so clients reconnect after a restart
     */
    public BrokerProcess(Path storeDir, String flushDiskType, Map<String, String> extraConfig) {
        this.storeDir = storeDir;
        this.port = freePort();
        this.flushDiskType = flushDiskType;
        this.extraConfig = new LinkedHashMap<>(extraConfig);
        this.log = storeDir.resolveSibling(storeDir.getFileName() + "-broker.log");
    }

    /** The native listener, {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Where the broker's stderr goes. */
    public Path log() {
        return log;
    }

    /** Starts the broker and waits until it says it is listening. */
    public void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.ternmq.broker.BrokerLauncher",
                "-p", "storePathRootDir=" + storeDir, "-p", "listenPort=" + port, "-p", "bindAddress=127.0.0.1",
                "-p", "brokerIP1=127.0.0.1", "-p", "flushDiskType=" + flushDiskType,
                "-p", "mappedFileSizeCommitLog=" + (4 * 1024 * 1024), "-p", "serverWorkerThreads=4",
                "-p", "defaultTopicQueueNums=4"));
        extraConfig.forEach((k, v) -> {
            cmd.add("-p");
            cmd.add(k + "=" + v);
        });
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.contains("listening on")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process died
            }
            listening.completeExceptionally(new IllegalStateException("broker exited before listening, see " + log));
        }, "broker-stdout");
        reader.setDaemon(true);
        reader.start();
        listening.get(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no flush, no clean-shutdown marker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** A port free on the loopback interface now (for a listener that must keep its port across restarts). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
