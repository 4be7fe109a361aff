package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.consumer.MessageExt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;

/** {@code printMsg}: messages of a topic stored within a time range, oldest first, from the time index. */
@Command(name = "printMsg", description = "Print messages of a topic stored within a time range (oldest first).")
final class PrintMsgCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Option(names = {"-b", "--begin"}, converter = TimeArgument.class, defaultValue = "-1h",
            description = "Earliest store time: now, -1h, epoch ms, 2026-11-21T06:00:00[Z] (default: -1h).")
    long begin;

    @Option(names = {"-e", "--end"}, converter = TimeArgument.class, defaultValue = "now",
            description = "Latest store time, same forms (default: now).")
    long end;

    @Option(names = {"-c", "--max"}, defaultValue = "64", description = "Maximum messages (default ${DEFAULT-VALUE}).")
    int max;

    @Override
    protected Report run(BrokerSession session) {
        if (begin > end) {
            throw new IllegalArgumentException("-b is after -e");
        }
        List<MessageExt> found = session.admin().queryMessageByTime(topic, Instant.ofEpochMilli(begin),
                Instant.ofEpochMilli(end), max);
        return new Report()
                .field("topic", topic)
                .field("begin", Timestamps.format(begin))
                .field("end", Timestamps.format(end))
                .field("found", found.size())
                .table("messageList", MessageRows.table(found));
    }
}
