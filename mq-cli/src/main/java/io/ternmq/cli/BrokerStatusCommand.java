package io.ternmq.cli;

import io.ternmq.cli.output.Report;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code brokerStatus}: the broker's runtime figures (version, uptime, offsets, disk, throughput). */
@Command(name = "brokerStatus", description = "Show the broker's runtime figures.")
final class BrokerStatusCommand extends BrokerCommand {

    @Override
    protected Report run(BrokerSession session) {
        Map<String, String> status = session.admin().brokerStatus();
        Report report = new Report().field("brokerAddress", session.brokerAddress());
        status.forEach(report::field);
        return report;
    }
}
