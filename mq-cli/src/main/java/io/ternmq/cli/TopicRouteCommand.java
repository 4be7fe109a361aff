package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.admin.QueueStatus;
import io.ternmq.client.admin.TopicRouteInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topicRoute}: where a topic lives: its broker, queue count, permission and queues. */
@Command(name = "topicRoute", description = "Show a topic's broker, queue count, permission and queues.")
final class TopicRouteCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Override
    protected Report run(BrokerSession session) {
        TopicRouteInfo route = session.admin().topicRoute(topic);
        Table queues = new Table("brokerName", "brokerAddress", "queueId", "perm");
        for (QueueStatus q : route.queues()) {
            queues.row(route.brokerName(), route.brokerAddress(), q.queueId(), Permissions.describe(route.perm()));
        }
        return new Report()
                .field("topic", route.topic())
                .field("brokerName", route.brokerName())
                .field("brokerAddress", route.brokerAddress())
                .field("queueNums", route.queueNums())
                .field("perm", Permissions.describe(route.perm()))
                .field("order", route.order())
                .table("queues", queues);
    }
}
