package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.PullConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code resetOffsetByTime}: moves a group's committed offsets on a topic to the first message stored at or
 * after a time. Shows the plan unless {@code --execute} is given (Kafka's dry-run-by-default habit), and refuses
 * while the group has live members (they would overwrite the new offsets with their own) unless {@code --force}.
 */
@Command(name = "resetOffsetByTime",
        description = "Move a group's offsets on a topic to a time. Prints the plan; --execute applies it.")
final class ResetOffsetByTimeCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, required = true, description = "Consumer group.")
    String group;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic.")
    String topic;

    @Option(names = {"-s", "--timestamp"}, required = true, converter = TimeArgument.class,
            description = "Target time: now, -1h, epoch ms, 2026-11-21T06:00:00[Z], 2026-11-21#06:00:00:000.")
    long timestamp;

    @Option(names = "--execute", description = "Apply the plan (default: only print it).")
    boolean execute;

    @Option(names = {"-f", "--force"}, description = "Apply even while the group has live members.")
    boolean force;

    @Override
    protected Report run(BrokerSession session) {
        AdminClient admin = session.admin();
        int members = admin.consumerList(group).size();
        if (execute && members > 0 && !force) {
            throw new CommandFailedException("group " + group + " has " + members
                    + " live member(s) that would overwrite the reset; stop them or use --force");
        }
        PullConsumer consumer = session.pullConsumer(group);
        List<MessageQueue> queues = admin.queues(topic);
        Table plan = new Table("queueId", "currentOffset", "newOffset", "change");
        for (MessageQueue q : queues) {
            OptionalLong current = consumer.committed(q);
            long target = admin.searchOffset(topic, q.queueId(), Instant.ofEpochMilli(timestamp));
            plan.row(q.queueId(), current.isPresent() ? current.getAsLong() : null, target,
                    current.isPresent() ? target - current.getAsLong() : null);
            if (execute) {
                consumer.commitSync(q, target);
            }
        }
        return new Report()
                .field("group", group)
                .field("topic", topic)
                .field("timestamp", Timestamps.format(timestamp))
                .field("liveMembers", members)
                .field("result", execute ? "applied" : "plan only (add --execute to apply)")
                .table("offsets", plan);
    }
}
