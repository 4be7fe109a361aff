package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code resendDlq}: re-sends one dead letter to its group: the broker copies it to {@code %RETRY%group} with the
 * reconsume count reset, so that group's consumers (and no other group) receive it again at once, with its
 * original topic. Every run re-sends once more.
 */
@Command(name = "resendDlq", description = "Re-send a dead-letter message to its consumer group (via %%RETRY%%group).")
final class ResendDlqCommand extends BrokerCommand {

    @Option(names = {"-g", "--group"}, required = true, description = "Consumer group.")
    String group;

    @Option(names = {"-i", "--id"}, required = true, description = "Broker message id (offsetMsgId) in %%DLQ%%group.")
    String id;

    @Override
    protected Report run(BrokerSession session) {
        String copy = session.admin().resendDlqMessage(group, id);
        return new Report()
                .field("group", group)
                .field("resent", id)
                .field("retryMsgId", copy);
    }
}
