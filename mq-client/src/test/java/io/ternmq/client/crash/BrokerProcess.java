package io.ternmq.client.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A broker in its own JVM ({@code BrokerLauncher} on this JVM's class path), so that it can be killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) and restarted on the same store directory and port.
 */
final class BrokerProcess implements AutoCloseable {
    private final Path storeDir;
    private final int port;
    private final String flushDiskType;
    private final Path log;
    private Process process;

    BrokerProcess(Path storeDir, String flushDiskType) {
        this.storeDir = storeDir;
        this.port = freePort();
        this.flushDiskType = flushDiskType;
        this.log = storeDir.resolveSibling(storeDir.getFileName() + "-broker.log");
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it says it is listening. */
    void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.ternmq.broker.BrokerLauncher",
                "-p", "storePathRootDir=" + storeDir, "-p", "listenPort=" + port, "-p", "bindAddress=127.0.0.1",
                "-p", "brokerIP1=127.0.0.1", "-p", "flushDiskType=" + flushDiskType,
                "-p", "mappedFileSizeCommitLog=" + (4 * 1024 * 1024), "-p", "serverWorkerThreads=4",
                "-p", "defaultTopicQueueNums=4"));
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
    void kill() throws InterruptedException {
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
