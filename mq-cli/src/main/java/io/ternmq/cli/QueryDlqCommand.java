package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.protocol.message.MessageProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;

/**
 * {@code queryDlq}: the dead letters of a consumer group ({@code %DLQ%group}), oldest first, or those with a
 * business key. Each row's {@code offsetMsgId} is what {@code resendDlq -i} takes.
 */
@Command(name = "queryDlq", description = "List a consumer group's dead-letter messages (%%DLQ%%group).")
final class QueryDlqCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, required = true, description = "Consumer group.")
    String group;

    @Option(names = {"-k", "--key"}, description = "Only messages with this business key.")
    String key;



    @Mixin
    TimeRangeOptions range;

    @Override
    protected Report run(BrokerSession session) {
        Instant begin = range.begin(0);
        List<MessageExt> found = key != null ? session.admin().queryDlqMessageByKey(group, key, range.max)
                : session.admin().listDlqMessages(group, begin, range.end(), range.max);
        return new Report()
                .field("topic", MessageProperties.DLQ_TOPIC_PREFIX + group)
                .field("found", found.size())
                .table("messageList", table(found));
    }

    /** Rows with what an operator needs to decide on a re-send: ids, origin, attempts. */
    private static Table table(List<MessageExt> messages) {
        Table table = new Table("offsetMsgId", "msgId", "originTopic", "reconsumeTimes", "keys", "storeTime",
                "body");
        for (MessageExt m : messages) {
            table.row(m.offsetMsgId(), m.msgId(), m.property(MessageProperties.DLQ_ORIGIN_TOPIC), m.reconsumeTimes(),
                    String.join(" ", m.keys()), Timestamps.format(m.storeTimestamp()), MessageRows.body(m.body()));
        }
        return table;
    }
}
