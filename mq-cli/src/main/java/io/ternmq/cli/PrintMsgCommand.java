package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.consumer.MessageExt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code printMsg}: messages of a topic stored within a time range, oldest first, from the time index. */
@Command(name = "printMsg", description = "Print messages of a topic stored within a time range (oldest first; -b defaults to -1h).")
final class PrintMsgCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;



    @Mixin
    TimeRangeOptions range;

    @Override
    protected Report run(BrokerSession session) {
        Instant begin = range.begin(System.currentTimeMillis() - Duration.ofHours(1).toMillis());
        List<MessageExt> found = session.admin().queryMessageByTime(topic, begin, range.end(), range.max);
        return new Report()
                .field("topic", topic)
                .field("begin", Timestamps.format(begin.toEpochMilli()))
                .field("end", Timestamps.format(range.end))
                .field("found", found.size())
                .table("messageList", MessageRows.table(found));
    }
}
