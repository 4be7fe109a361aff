package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code updateSubGroup}: creates or updates a consumer group's broker-side settings. */
@Command(name = "updateSubGroup", description = "Create or update a consumer group (consumeEnable, retryMaxTimes).")
final class UpdateSubGroupCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, required = true, description = "Consumer group.")
    String group;

    @Option(names = {"-r", "--retryMaxTimes"}, defaultValue = "16",
            description = "Retries before a failed message goes to %%DLQ%%group, 0..1000 (default ${DEFAULT-VALUE}).")
    int retryMaxTimes;

    @Option(names = {"-s", "--consumeEnable"}, defaultValue = "true", arity = "1",
            description = "Whether the group may consume (default ${DEFAULT-VALUE}).")
    boolean consumeEnable;

    @Override
    protected Report run(BrokerSession session) {
        session.admin().updateSubscriptionGroup(group, consumeEnable, retryMaxTimes);
        return new Report()
                .field("group", group)
                .field("consumeEnable", consumeEnable)
                .field("retryMaxTimes", retryMaxTimes);
    }
}
