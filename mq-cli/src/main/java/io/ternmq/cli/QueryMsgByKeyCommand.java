package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.consumer.MessageExt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code queryMsgByKey}: messages of a topic with a business key, newest first, from the broker's key index. */
@Command(name = "queryMsgByKey", description = "Find messages of a topic by business key (indexed).")
final class QueryMsgByKeyCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Option(names = {"-k", "--key"}, required = true, description = "Business key.")
    String key;



    @Mixin
    TimeRangeOptions range;

    @Override
    protected Report run(BrokerSession session) {
        List<MessageExt> found = session.admin().queryMessageByKey(topic, key, range.begin(0), range.end(),
                range.max);
        return new Report()
                .field("topic", topic)
                .field("key", key)
                .field("found", found.size())
                .table("messageList", MessageRows.table(found));
    }
}
