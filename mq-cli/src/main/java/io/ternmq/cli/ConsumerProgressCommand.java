package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.admin.ConsumerProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Comparator;
import java.util.List;

/** {@code consumerProgress}: per queue, the broker's offset, the group's committed offset and the lag. */
@Command(name = "consumerProgress", description = "Show per-queue broker offset, consumer offset and lag of a group (or all groups).")
final class ConsumerProgressCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, description = "Consumer group (default: every group).")
    String group;

    @Override
    protected Report run(BrokerSession session) {
        List<ConsumerProgress> progress = session.admin().consumerProgress(group).stream()
                .sorted(Comparator.comparing(ConsumerProgress::group).thenComparing(ConsumerProgress::topic)
                        .thenComparingInt(ConsumerProgress::queueId))
                .toList();
        Table table = new Table("group", "topic", "queueId", "brokerOffset", "consumerOffset", "lag", "lastTimestamp");
        long totalBroker = 0;
        long totalConsumer = 0;
        long totalLag = 0;
        for (ConsumerProgress p : progress) {
            totalBroker += p.brokerOffset();
            totalConsumer += Math.max(0, p.consumerOffset());
            totalLag += p.lag();
            table.row(p.group(), p.topic(), p.queueId(), p.brokerOffset(),
                    p.consumerOffset() < 0 ? null : p.consumerOffset(), p.lag(), Timestamps.format(p.lastTimestamp()));
        }
        return new Report()
                .field("group", group == null ? "(all)" : group)
                .field("queues", progress.size())
                .field("totalBrokerOffset", totalBroker)
                .field("totalConsumerOffset", totalConsumer)
                .field("totalLag", totalLag)
                .table("progress", table);
    }
}
