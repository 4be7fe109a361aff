package io.ternmq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One in-process {@code mqadmin} invocation: exit code and what went to stdout and stderr. Shared by the CLI
 * tests so every test drives the real command line (parsing, session, rendering, exit codes).
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code mqadmin -n broker args...} (broker may be null to leave -n out). */
    static CliRun mqadmin(String broker, String... args) {
        List<String> argv = new ArrayList<>();
        if (broker != null) {
            argv.add("-n");
            argv.add(broker);
        }
        argv.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MqAdmin.execute(new PrintWriter(out), new PrintWriter(err), argv.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Repeats a command until its result satisfies {@code done} or {@code timeout} passes; for results that
     * become true asynchronously (the broker indexes messages right after storing them). Returns the last run.
     */
    static CliRun eventually(Duration timeout, Predicate<CliRun> done, String broker, String... args)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CliRun run = mqadmin(broker, args);
        while (!done.test(run) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            run = mqadmin(broker, args);
        }
        return run;
    }

    /** The first string value of {@code "field": "..."} in JSON output. */
    String jsonString(String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\": \"([^\"]*)\"").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no \"" + field + "\" in output:\n" + out);
        }
        return m.group(1);
    }

    /** The first numeric value of {@code "field": N} in JSON output. */
    long jsonNumber(String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\": (-?\\d+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no numeric \"" + field + "\" in output:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
