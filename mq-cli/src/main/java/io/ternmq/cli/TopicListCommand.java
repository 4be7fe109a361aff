package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code topicList}: the names of all topics, sorted. */
@Command(name = "topicList", description = "List all topics.")
final class TopicListCommand extends BrokerCommand {

    @Override
    protected Report run(BrokerSession session) {
        List<String> topics = session.admin().listTopics().stream().sorted().toList();
        Table table = new Table("topic");
        topics.forEach(table::row);
        return new Report().table("topics", table);
    }
}
