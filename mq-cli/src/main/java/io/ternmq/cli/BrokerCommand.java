package io.ternmq.cli;

import io.ternmq.cli.output.OutputFormat;
import io.ternmq.cli.output.Report;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * Base of every subcommand that talks to the broker: opens a {@link BrokerSession} with the global options, lets
 * the subcommand build its {@link Report}, prints it in the chosen format and closes the session. Failures
 * propagate as exceptions and become exit codes in {@link FailureHandler}.
 */
abstract class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    MqAdmin root;

    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "table|json", description = "Output format (overrides the global -o).")
    OutputFormat output;

    /** Does the work and describes the outcome. */
    protected abstract Report run(BrokerSession session);

    @Override
    public final Integer call() {
        try (BrokerSession session = new BrokerSession(root.broker, root.timeout)) {
            Report report = run(session);
            spec.commandLine().getOut().print(format().render(report));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    private OutputFormat format() {
        return output != null ? output : root.output;
    }
}
