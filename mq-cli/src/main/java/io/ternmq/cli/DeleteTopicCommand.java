package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deleteTopic}: deletes a topic with its queues and consumer offsets. */
@Command(name = "deleteTopic", description = "Delete a topic, its queues and its consumer offsets.")
final class DeleteTopicCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Override
    protected Report run(BrokerSession session) {
        session.admin().deleteTopic(topic);
        return new Report().field("topic", topic).field("result", "deleted");
    }
}
