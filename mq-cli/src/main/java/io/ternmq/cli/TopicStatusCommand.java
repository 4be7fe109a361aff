package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.admin.QueueStatus;
import io.ternmq.client.admin.TopicRouteInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topicStatus}: per-queue min and max offsets and the time of the newest message. */
@Command(name = "topicStatus", description = "Show per-queue min/max offsets and last update time of a topic.")
final class TopicStatusCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Override
    protected Report run(BrokerSession session) {
        TopicRouteInfo route = session.admin().topicRoute(topic);
        Table queues = new Table("queueId", "minOffset", "maxOffset", "messages", "lastUpdate");
        long total = 0;
        long lastUpdate = 0;
        for (QueueStatus q : route.queues()) {
            long stored = Math.max(0, q.maxOffset() - q.minOffset());
            total += stored;
            lastUpdate = Math.max(lastUpdate, q.lastStoreTimestamp());
            queues.row(q.queueId(), q.minOffset(), q.maxOffset(), stored, Timestamps.format(q.lastStoreTimestamp()));
        }
        return new Report()
                .field("topic", route.topic())
                .field("queues", route.queues().size())
                .field("totalMessages", total)
                .field("lastUpdate", Timestamps.format(lastUpdate))
                .table("queueStatus", queues);
    }
}
