package io.ternmq.bench;

import io.ternmq.bench.load.LoadOptions;
import io.ternmq.bench.load.LoadRun;
import picocli.CommandLine;

/**
 * End-to-end load generator over the native client: {@code java -cp 'lib/*' io.ternmq.bench.LoadTool --help}
 * (or {@code bin/ternmq-bench}). See docs/benchmarks.md and {@link LoadOptions} for the knobs.
 */
public final class LoadTool {
    private LoadTool() {
    }

    public static void main(String[] args) {
        LoadOptions options = new LoadOptions();
        CommandLine cl = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        int exit;
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            Integer help = CommandLine.executeHelpRequest(parsed);
            exit = help != null ? help : new LoadRun(options, System.out).run();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println("ternmq-bench: " + e.getMessage());
            System.err.println("see: ternmq-bench --help");
            exit = 2;
        }
        System.exit(exit);
    }
}
