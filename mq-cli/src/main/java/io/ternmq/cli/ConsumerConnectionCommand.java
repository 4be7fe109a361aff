package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code consumerConnection}: the live members (client ids) of a consumer group. */
@Command(name = "consumerConnection", description = "List the live members (client ids) of a consumer group.")
final class ConsumerConnectionCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, required = true, description = "Consumer group.")
    String group;

    @Override
    protected Report run(BrokerSession session) {
        List<String> clients = session.admin().consumerList(group).stream().sorted().toList();
        Table table = new Table("clientId");
        clients.forEach(table::row);
        return new Report().field("group", group).field("members", clients.size()).table("connections", table);
    }
}
