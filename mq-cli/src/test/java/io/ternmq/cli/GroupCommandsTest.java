package io.ternmq.cli;

import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ternmq.cli.CliRun.eventually;
import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class GroupCommandsTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void resetOffsetByTimeOnlyPrintsThePlanUnlessExecuted(EmbeddedBroker broker) throws Exception {
        String b = broker.address();
        mqadmin(b, "updateTopic", "-t", "Rewind", "-q", "1");
        for (int i = 0; i < 3; i++) {
            mqadmin(b, "sendMessage", "-t", "Rewind", "-p", "m" + i);
        }
        eventually(SOON, r -> r.out().contains("messages: 3"), b, "consumeMessage", "-t", "Rewind");
        mqadmin(b, "consumeMessage", "-t", "Rewind", "-g", "rewinder", "--commit");

        CliRun plan = mqadmin(b, "-o", "json", "resetOffsetByTime", "-g", "rewinder", "-t", "Rewind", "-s", "0");
        assertEquals(ExitCode.OK, plan.exitCode(), plan::toString);
        assertEquals(3, plan.jsonNumber("currentOffset"), plan::toString);
        assertEquals(0, plan.jsonNumber("newOffset"), plan::toString);
        assertEquals(3, mqadmin(b, "-o", "json", "consumerProgress", "-g", "rewinder").jsonNumber("consumerOffset"));

        CliRun applied = mqadmin(b, "resetOffsetByTime", "-g", "rewinder", "-t", "Rewind", "-s", "0", "--execute");
        assertEquals(ExitCode.OK, applied.exitCode(), applied::toString);
        CliRun progress = mqadmin(b, "-o", "json", "consumerProgress", "-g", "rewinder");
        assertEquals(0, progress.jsonNumber("consumerOffset"), progress::toString);
        assertEquals(3, progress.jsonNumber("totalLag"), progress::toString);
    }

    @Test
    void liveMembersShowInGroupListAndConsumerConnectionAndBlockAnOffsetReset(EmbeddedBroker broker) throws Exception {
        String b = broker.address();
        mqadmin(b, "updateTopic", "-t", "Watched", "-q", "2");
        try (PushConsumer consumer = PushConsumer.builder().brokerAddress(b).consumerGroup("watchers")
                .subscribe("Watched", "*").build()) {
            consumer.registerListener((messages, context) -> ConsumeStatus.CONSUME_SUCCESS);
            consumer.start();

            CliRun connections = eventually(SOON, r -> r.out().contains("\"members\": 1"), b,
                    "-o", "json", "consumerConnection", "-g", "watchers");
            assertEquals(consumer.clientId(), connections.jsonString("clientId"), connections::toString);

            CliRun groups = mqadmin(b, "groupList");
            assertTrue(groups.out().lines().anyMatch(l -> l.startsWith("watchers") && l.contains("Watched")),
                    groups::toString);

            CliRun refused = mqadmin(b, "resetOffsetByTime", "-g", "watchers", "-t", "Watched", "-s", "now", "--execute");
            assertEquals(ExitCode.BROKER_ERROR, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("live member"), refused::toString);
        }
    }
}
