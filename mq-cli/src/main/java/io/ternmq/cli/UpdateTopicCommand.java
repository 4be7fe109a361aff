package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import io.ternmq.client.admin.AdminClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code updateTopic}: creates a topic, or changes the queue count, permission or order flag of one. */
@Command(name = "updateTopic", description = "Create a topic, or update its queue count, permission and order flag.")
final class UpdateTopicCommand extends BrokerCommand {

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name.")
    String topic;

    @Option(names = {"-q", "--queues", "-w", "-r"}, defaultValue = "8",
            description = "Number of queues (default ${DEFAULT-VALUE}; -w/-r accepted for RocketMQ habits).")
    int queueNums;

    @Option(names = {"-p", "--perm"}, defaultValue = "6",
            description = "Permission: 2 write only, 4 read only, 6 read and write (default ${DEFAULT-VALUE}).")
    int perm;

    @Option(names = {"-o", "--order"}, arity = "1", defaultValue = "false",
            description = "Ordered topic: true or false (default ${DEFAULT-VALUE}).")
    boolean order;

    @Override
    protected Report run(BrokerSession session) {
        if (queueNums < 1 || queueNums > 1024) {
            throw new IllegalArgumentException("-q must be between 1 and 1024, was " + queueNums);
        }
        if (perm != 2 && perm != 4 && perm != 6) {
            throw new IllegalArgumentException("-p must be 2 (W), 4 (R) or 6 (RW), was " + perm);
        }
        AdminClient admin = session.admin();
        boolean existed = admin.listTopics().contains(topic);
        admin.createTopic(topic, queueNums, perm, order);
        return new Report()
                .field("topic", topic)
                .field("result", existed ? "updated" : "created")
                .field("queueNums", queueNums)
                .field("perm", Permissions.describe(perm))
                .field("order", order);
    }
}
