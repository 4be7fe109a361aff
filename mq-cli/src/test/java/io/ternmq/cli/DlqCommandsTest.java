package io.ternmq.cli;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.Message;
import io.ternmq.client.consumer.ConsumeFromWhere;
import io.ternmq.client.consumer.ConsumeStatus;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ternmq.cli.CliRun.eventually;
import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class DlqCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void deadLettersAreListedByGroupAndKeyAndResentToTheGroup(EmbeddedBroker broker) throws Exception {
        String address = broker.address();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        CliRun update = mqadmin(address, "updateSubGroup", "-g", "cliGroup", "-r", "0");
        assertEquals(ExitCode.OK, update.exitCode(), update::toString);
        try (Producer producer = Producer.builder().clientConfig(ClientConfig.of(address)).producerGroup("pg")
                .build();
             PushConsumer consumer = PushConsumer.builder().clientConfig(ClientConfig.of(address))
                     .consumerGroup("cliGroup").subscribe("DlqTopic", "*")
                     .consumeFromWhere(ConsumeFromWhere.FIRST_OFFSET).pullMaxWait(Duration.ofMillis(300)).build()) {
            producer.start();
            producer.send(Message.builder().topic("DlqTopic").body("poison").keys("order-9").build());
            // fails the first delivery: with retryMaxTimes 0 it goes straight to the DLQ; accepts the re-sent one
            consumer.registerListener((msgs, ctx) -> {
                msgs.forEach(m -> attempts.add(m.reconsumeTimes()));
                return attempts.size() == 1 ? ConsumeStatus.RECONSUME_LATER : ConsumeStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            CliRun listed = eventually(WAIT, r -> r.exitCode() == ExitCode.OK && r.jsonNumber("found") == 1, address,
                    "-o", "json", "queryDlq", "-g", "cliGroup");
            assertEquals(ExitCode.OK, listed.exitCode(), listed::toString);
            assertTrue(listed.out().contains("DlqTopic"), listed::toString);
            CliRun byKey = mqadmin(address, "-o", "json", "queryDlq", "-g", "cliGroup", "-k", "order-9");
            assertEquals(1, byKey.jsonNumber("found"), byKey::toString);

            String id = offsetMsgId(listed.out());
            CliRun resent = mqadmin(address, "resendDlq", "-g", "cliGroup", "-i", id);
            assertEquals(ExitCode.OK, resent.exitCode(), resent::toString);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (attempts.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(0, 0), attempts, "the re-sent copy arrives with its count reset");

            CliRun wrong = mqadmin(address, "resendDlq", "-g", "otherGroup", "-i", id);
            assertEquals(ExitCode.BROKER_ERROR, wrong.exitCode(), wrong::toString);
        }
    }

    /** The offsetMsgId field of the first message row of a JSON report. */
    private static String offsetMsgId(String json) {
        int at = json.indexOf("\"offsetMsgId\": \"");
        assertTrue(at >= 0, json);
        int start = at + "\"offsetMsgId\": \"".length();
        return json.substring(start, json.indexOf('"', start));
    }
}
