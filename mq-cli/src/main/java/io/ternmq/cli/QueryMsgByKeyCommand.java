package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.consumer.MessageExt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;

/** {@code queryMsgByKey}: messages of a topic with a business key, newest first, from the broker's key index. */
@Command(name = "queryMsgByKey", description = "Find messages of a topic by business key (indexed).")
final class QueryMsgByKeyCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Option(names = {"-k", "--key"}, required = true, description = "Business key.")
    String key;

    @Option(names = {"-b", "--begin"}, converter = TimeArgument.class, defaultValue = "0",
            description = "Earliest store time: now, -1h, epoch ms, 2026-11-21T06:00:00[Z] (default: the beginning).")
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
        List<MessageExt> found = session.admin().queryMessageByKey(topic, key, Instant.ofEpochMilli(begin),
                Instant.ofEpochMilli(end), max);
        return new Report()
                .field("topic", topic)
                .field("key", key)
                .field("found", found.size())
                .table("messageList", MessageRows.table(found));
    }
}
