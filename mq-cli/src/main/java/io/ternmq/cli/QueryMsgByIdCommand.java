package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.consumer.MessageExt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code queryMsgById}: one message, with every attribute, by broker message id or client unique key. */
@Command(name = "queryMsgById", description = "Show a message by message id (broker offsetMsgId or client msgId).")
final class QueryMsgByIdCommand extends BrokerCommand {

    @Option(names = {"-i", "--id"}, required = true, description = "Message id.")
    String id;

    @Override
    protected Report run(BrokerSession session) {
        List<MessageExt> found = session.admin().queryMessageById(id);
        if (found.isEmpty()) {
            throw new CommandFailedException("no message with id " + id);
        }
        return MessageRows.detail(found.get(0));
    }
}
