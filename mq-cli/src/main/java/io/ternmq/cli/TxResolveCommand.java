package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.protocol.message.TransactionResolution;
import io.ternmq.protocol.message.TransactionState;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code txResolve}: commits or rolls back a half message for its producer, usually a parked one whose producer
 * never answered. A commit stores the message in its real topic exactly once (repeating it stores nothing); the
 * broker refuses a wrong producer group, an unknown id, or the opposite of an earlier resolution (exit 1).
 */
@Command(name = "txResolve", description = "Commit or roll back a pending or parked transactional message.")
final class TxResolveCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, required = true, description = "Producer group the message was sent with.")
    String group;

    @Option(names = {"-i", "--half-msg-id"}, required = true, description = "Half message id (txList HALF_MSG_ID).")
    String halfMessageId;

    @Option(names = {"-x", "--tx-id"},
            description = "Transaction id (txList TRANSACTION_ID); informational, the broker keys by -i.")
    String transactionId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Decision decision;

    /** Exactly one of --commit and --rollback: an operator must say which. */
    static final class Decision {
        @Option(names = "--commit", required = true, description = "Deliver the message to its topic.")
        boolean commit;

        @Option(names = "--rollback", required = true, description = "Discard the message.")
        boolean rollback;
    }

    @Override
    protected Report run(BrokerSession session) {
        TransactionResolution resolution = decision.commit ? TransactionResolution.COMMIT
                : TransactionResolution.ROLLBACK;
        TransactionState state = session.admin().resolveTransaction(group, transactionId, halfMessageId, resolution);
        return new Report()
                .field("producerGroup", group)
                .field("halfMsgId", halfMessageId)
                .field("transactionId", transactionId)
                .field("state", state.name());
    }
}
