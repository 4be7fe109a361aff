package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.admin.MessageTraceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queryMsgTraceById}: the life of one message: where it is stored, its retry and dead-letter copies, and for
 * each consumer group whether it has consumed each copy.
 */
@Command(name = "queryMsgTraceById",
        description = "Trace a message: stored copies (original, retry, DLQ) and each group's delivery state.")
final class QueryMsgTraceByIdCommand extends BrokerCommand {

    @Option(names = {"-i", "--id"}, required = true, description = "Message id (broker offsetMsgId or client msgId).")
    String id;

    @Override
    protected Report run(BrokerSession session) {
        MessageTraceInfo trace = session.admin().messageTrace(id);
        Table copies = new Table("kind", "topic", "queueId", "queueOffset", "messageId", "storeTime", "reconsumeTimes");
        for (MessageTraceInfo.StoredCopy c : trace.copies()) {
            copies.row(c.kind().name(), c.topic(), c.queueId(), c.queueOffset(), c.messageId(),
                    Timestamps.format(c.storeTimestamp()), c.reconsumeTimes());
        }
        Table deliveries = new Table("group", "topic", "queueId", "queueOffset", "consumerOffset", "state",
                "onlineClients");
        for (MessageTraceInfo.GroupDelivery d : trace.deliveries()) {
            deliveries.row(d.group(), d.topic(), d.queueId(), d.queueOffset(),
                    d.consumerOffset() < 0 ? null : d.consumerOffset(), d.state().name(),
                    String.join(",", d.onlineClients()));
        }
        return new Report()
                .field("uniqueId", trace.uniqueId())
                .table("copies", copies)
                .table("deliveries", deliveries);
    }
}
