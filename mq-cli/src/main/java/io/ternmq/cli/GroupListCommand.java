package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.cli.output.Table;
import io.ternmq.client.admin.GroupInfo;
import picocli.CommandLine.Command;

import java.util.Comparator;
import java.util.List;

/** {@code groupList}: the consumer groups the broker knows, with their model, live members and topics. */
@Command(name = "groupList", description = "List consumer groups with their message model, live members and topics.")
final class GroupListCommand extends BrokerCommand {

    @Override
    protected Report run(BrokerSession session) {
        List<GroupInfo> groups = session.admin().listGroups().stream()
                .sorted(Comparator.comparing(GroupInfo::group)).toList();
        Table table = new Table("group", "model", "members", "topics");
        for (GroupInfo g : groups) {
            table.row(g.group(), g.model() == null ? null : g.model().name(), g.clientIds().size(),
                    g.topics().isEmpty() ? null : String.join(",", g.topics()));
        }
        return new Report().table("groups", table);
    }
}
