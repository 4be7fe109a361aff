package io.ternmq.kafka.compat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a tool (kcat, a Kafka CLI tool in its own JVM) to completion with a deadline: stdout and stderr go to
 * temporary files (no pipe can fill up and stall the tool), stdin gets the given text and is closed. A tool still
 * running at the deadline, or when anything fails, is killed before this returns.
 */
final class ExternalProcess {
    private ExternalProcess() {
    }

    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Fails with the whole output unless the tool exited with 0. */
        Result assertSuccess() {
            assertEquals(0, exitCode, () -> "exit code of " + this);
            return this;
        }

        @Override
        public String toString() {
            return commandLine(command) + " -> exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n"
                    + stderr;
        }
    }

    /** The command as a shell line, with a long classpath shortened so that failure messages stay readable. */
    static String commandLine(List<String> command) {
        return command.stream().map(arg -> arg.length() > 200 ? "<" + arg.length() + " characters>" : arg)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    static Result run(List<String> command, String stdin, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("compat-tool-", ".out");
        Path err = Files.createTempFile("compat-tool-", ".err");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("still running after " + timeout.toMillis() + " ms, killed: " + commandLine(command)
                        + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
            }
            return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
