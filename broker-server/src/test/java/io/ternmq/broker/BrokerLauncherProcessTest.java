package io.ternmq.broker;

import io.ternmq.broker.testing.RawClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerOffsets;
import io.ternmq.protocol.command.Hello;
import io.ternmq.protocol.command.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a separate JVM: bad configuration exits non-zero listing every error; SIGTERM shuts down cleanly. */
class BrokerLauncherProcessTest {
    private static final Pattern BANNER = Pattern.compile(
            "TernMQ broker (\\S+) listening on 127\\.0\\.0\\.1:(\\d+) \\(native\\), store at (.+)");

    @TempDir
    Path dir;

    private static Process launch(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BrokerLauncher.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    @Test
    void invalidConfigurationExitsWithEveryErrorListed() throws Exception {
        Process p = launch("-p", "listenPort=abc", "--noSuchKey=1", "-p", "flushDiskType=NEVER");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("listenPort='abc'"), err);
        assertTrue(err.contains("unknown key 'noSuchKey'"), err);
        assertTrue(err.contains("flushDiskType='NEVER'"), err);
    }

    @Test
    void printsWhereItListensAndPersistsOffsetsOnSigterm() throws Exception {
        Path store = dir.resolve("store");
        Process p = launch("-p", "listenPort=0", "-p", "bindAddress=127.0.0.1", "-p", "brokerIP1=127.0.0.1",
                "-p", "storePathRootDir=" + store, "-p", "mappedFileSizeCommitLog=4194304",
                "-p", "flushConsumerOffsetInterval=600000", "-p", "brokerName=proc");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = BANNER.matcher(line == null ? "" : line);
            assertTrue(m.matches(), "banner: " + line);
            assertEquals("proc", m.group(1));
            int port = Integer.parseInt(m.group(2));
            try (RawClient c = new RawClient(port)) {
                c.call(Commands.HELLO, new Hello.Request(1, 1, "proc-test", "t")).ok();
                c.call(Commands.CREATE_TOPIC, new Topics.Config("t", 1, Topics.PERM_READ_WRITE, false)).ok();
                c.call(Commands.COMMIT_CONSUMER_OFFSET, new ConsumerOffsets.CommitRequest("g",
                        List.of(new ConsumerOffsets.QueueOffset("t", 0, 7)))).ok();
            }
            p.destroy(); // SIGTERM: the shutdown hook closes the broker gracefully
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped");
            String offsets = Files.readString(store.resolve("config").resolve("consumerOffsets.tsv"));
            assertTrue(offsets.contains("g\tt\t0\t7"), offsets);
        } finally {
            p.destroyForcibly();
        }
    }
}
