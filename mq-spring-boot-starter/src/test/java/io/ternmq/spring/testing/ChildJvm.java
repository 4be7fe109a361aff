package io.ternmq.spring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test class path run in a JVM of its own, so that a crash test can kill it with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux), the way a service dies in a crash: no shutdown hook, no commit, no
 * unregistering. Settings are passed as system properties ({@code -Dkey=value}), which a Spring Boot application
 * reads like any other property source. The JVM is small (192 MB heap, serial GC, C1 only) because children are
 * short-lived and the build machine may be loaded.
 */
public final class ChildJvm {
    private final Class<?> mainClass;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private ChildJvm(Class<?> mainClass) {
        this.mainClass = mainClass;
    }

    /** A child that runs {@code mainClass}'s {@code main}. */
    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass);
    }

    /** Sets {@code -Dkey=value}. */
    public ChildJvm property(String key, Object value) {
        properties.put(key, String.valueOf(value));
        return this;
    }

    /** Sets {@code key=value} strings as system properties, e.g. {@code TestDatabase.springProperties()}. */
    public ChildJvm properties(String... keyValues) {
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: " + kv);
            }
            property(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return this;
    }

    /** The command line. */
    public List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(mainClass.getName());
        return command;
    }

    /** Starts it; its stdout is the returned process's input stream (read it), its stderr goes to {@code log}. */
    public Process startReadingStdout(Path log) throws IOException {
        return new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Starts it with stdout and stderr appended to {@code log}. */
    public Process start(Path log) throws IOException {
        return new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * SIGKILL, then waits until the process is gone.
     *
     * @throws AssertionError when it is still alive 30 s later, or had exited by itself before the signal
     */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " outlived SIGKILL by 30 s");
        }
        if (process.exitValue() != 137) {
            throw new AssertionError("process " + process.pid() + " was not killed by SIGKILL: it exited with "
                    + process.exitValue());
        }
    }

    /** The last {@code lines} lines of a log, for failure messages; a note when it cannot be read. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
