package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.admin.TransactionInfo;
import io.ternmq.protocol.message.TransactionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code txList}: the half (transactional) messages the broker still waits on, oldest first: {@code PENDING} ones
 * are still being checked back with their producer group, {@code PARKED} ones gave up after
 * {@code transactionCheckMax} check-backs and need an operator ({@code txResolve}).
 */
@Command(name = "txList", description = "List unresolved transactional (half) messages: pending and parked.")
final class TxListCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, description = "Only this producer group's (default: every group).")
    String group;

    @Option(names = "--parked", description = "Only parked ones (waiting for an operator).")
    boolean parkedOnly;

    @Override
    protected Report run(BrokerSession session) {
        List<TransactionInfo> found = session.admin().listTransactions(group).stream()
                .filter(t -> !parkedOnly || t.state() == TransactionState.PARKED).toList();
        return new Report()
                .field("producerGroup", group)
                .field("transactions", found.size())
                .field("parked", found.stream().filter(t -> t.state() == TransactionState.PARKED).count())
                .table("transactionList", table(found));
    }

    /** One row per half message, with the three values txResolve takes first. */
    private static Table table(List<TransactionInfo> transactions) {
        Table table = new Table("halfMsgId", "transactionId", "producerGroup", "state", "checkTimes", "topic",
                "queueId", "storeTime");
        for (TransactionInfo t : transactions) {
            table.row(t.halfMessageId(), t.transactionId(), t.producerGroup(), t.state().name(), t.checkTimes(),
                    t.realTopic(), t.realQueueId(), Timestamps.format(t.storeTimestamp()));
        }
        return table;
    }
}
