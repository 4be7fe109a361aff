package io.ternmq.cli;

import io.ternmq.cli.output.OutputFormat;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code mqadmin}: the TernMQ admin command line. One class per subcommand; this class holds the global options
 * and turns outcomes into exit codes ({@link ExitCode}).
 *
 * <p>Global options: {@code -n/--broker host:port} (default {@code $TERNMQ_BROKER}, else 127.0.0.1:10911) and
 * {@code --timeout} may be given before or after the subcommand. {@code -o/--output table|json} is given before
 * the subcommand ({@code mqadmin -o json topicList}); after it, use {@code --output}, because {@code -o} keeps its
 * RocketMQ meaning there ({@code updateTopic -o} order, {@code consumeMessage -o} offset).
 */
@Command(name = "mqadmin", mixinStandardHelpOptions = true, versionProvider = MqAdmin.Version.class,
        description = "TernMQ admin tool: topics, messages, transactions, consumer progress and broker status.",
        footer = {"", "Exit codes: 0 ok, 1 broker returned an error, 2 usage error, 3 cannot connect."},
        subcommands = {
                UpdateTopicCommand.class, DeleteTopicCommand.class, TopicListCommand.class, TopicRouteCommand.class,
                TopicStatusCommand.class, SendMessageCommand.class, ConsumeMessageCommand.class,
                ConsumerProgressCommand.class, GroupListCommand.class, ConsumerConnectionCommand.class,
                ResetOffsetByTimeCommand.class, QueryMsgByKeyCommand.class, QueryMsgByIdCommand.class, QueryMsgTraceByIdCommand.class,
                PrintMsgCommand.class, QueryDlqCommand.class, ResendDlqCommand.class, UpdateSubGroupCommand.class,
                TxListCommand.class, TxResolveCommand.class, BrokerStatusCommand.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class MqAdmin {
    static final String DEFAULT_BROKER = "127.0.0.1:10911";

    @Option(names = {"-n", "--broker"}, scope = ScopeType.INHERIT, paramLabel = "host:port",
            defaultValue = "${env:TERNMQ_BROKER:-" + DEFAULT_BROKER + "}",
            description = "Broker address (default: $TERNMQ_BROKER, else ${DEFAULT-VALUE}).")
    String broker;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "duration", defaultValue = "5s",
            converter = DurationArgument.class, description = "Request timeout: 500ms, 5s, 1m (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table",
            description = "Output format (default ${DEFAULT-VALUE}). After the subcommand use --output.")
    OutputFormat output;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /** Runs one command line in-process, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MqAdmin());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        return cl;
    }

    /** Version from the jar manifest (set by the build); "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MqAdmin.class.getPackage().getImplementationVersion();
            return new String[]{"mqadmin (TernMQ) " + (v == null ? "dev" : v)};
        }
    }
}
