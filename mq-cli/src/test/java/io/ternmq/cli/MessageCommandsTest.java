package io.ternmq.cli;

import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ternmq.cli.CliRun.eventually;
import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EmbeddedMQ
class MessageCommandsTest {
    private static final Duration INDEXED = Duration.ofSeconds(5);

    @Test
    void sendMessagePrintsWhereTheMessageWasStored(EmbeddedBroker broker) {
        mqadmin(broker.address(), "updateTopic", "-t", "Sent", "-q", "1");

        CliRun sent = mqadmin(broker.address(), "-o", "json", "sendMessage", "-t", "Sent", "-p", "hello");
        assertEquals(ExitCode.OK, sent.exitCode(), sent::toString);
        assertEquals("SEND_OK", sent.jsonString("status"));
        assertEquals("Sent", sent.jsonString("topic"));
        assertEquals(0, sent.jsonNumber("queueOffset"));
        assertTrue(sent.jsonString("msgId").length() > 8, sent::toString);
    }

    @Test
    void consumeMessageReadsBackWhatWasSentInQueueOrder(EmbeddedBroker broker) throws Exception {
        mqadmin(broker.address(), "updateTopic", "-t", "Browse", "-q", "1");
        mqadmin(broker.address(), "sendMessage", "-t", "Browse", "-p", "first", "-c", "TagA");
        mqadmin(broker.address(), "sendMessage", "-t", "Browse", "-p", "second");

        CliRun read = eventually(INDEXED, r -> r.out().contains("second"), broker.address(),
                "consumeMessage", "-t", "Browse", "-c", "10");
        assertEquals(ExitCode.OK, read.exitCode(), read::toString);
        assertTrue(read.out().indexOf("first") < read.out().indexOf("second"), read::toString);
        assertTrue(read.out().contains("TagA"), read::toString);
        assertTrue(read.out().contains("messages: 2"), read::toString);
    }

    @Test
    void consumeMessageStopsAtTheRequestedCount(EmbeddedBroker broker) throws Exception {
        mqadmin(broker.address(), "updateTopic", "-t", "Capped", "-q", "1");
        for (int i = 0; i < 5; i++) {
            mqadmin(broker.address(), "sendMessage", "-t", "Capped", "-p", "m" + i);
        }
        eventually(INDEXED, r -> r.out().contains("m4"), broker.address(), "consumeMessage", "-t", "Capped");

        CliRun read = mqadmin(broker.address(), "-o", "json", "consumeMessage", "-t", "Capped", "-c", "2");
        assertEquals(2, read.jsonNumber("messages"), read::toString);
    }

    @Test
    void consumeMessageFromAnOffsetSkipsEarlierMessages(EmbeddedBroker broker) throws Exception {
        mqadmin(broker.address(), "updateTopic", "-t", "Offsets", "-q", "1");
        mqadmin(broker.address(), "sendMessage", "-t", "Offsets", "-p", "zero");
        mqadmin(broker.address(), "sendMessage", "-t", "Offsets", "-p", "one");

        CliRun read = eventually(INDEXED, r -> r.out().contains("one"), broker.address(),
                "consumeMessage", "-t", "Offsets", "-i", "0", "-o", "1");
        assertEquals(ExitCode.OK, read.exitCode(), read::toString);
        assertFalse(read.out().contains("zero"), read::toString);
    }

    @Test
    void consumeMessageWithCommitMovesTheGroupsOffsetAndClearsItsLag(EmbeddedBroker broker) throws Exception {
        mqadmin(broker.address(), "updateTopic", "-t", "Progress", "-q", "1");
        mqadmin(broker.address(), "sendMessage", "-t", "Progress", "-p", "a");
        mqadmin(broker.address(), "sendMessage", "-t", "Progress", "-p", "b");
        eventually(INDEXED, r -> r.out().contains("messages: 2"), broker.address(), "consumeMessage", "-t", "Progress");

        CliRun consumed = mqadmin(broker.address(), "consumeMessage", "-t", "Progress", "-g", "audit", "--commit");
        assertEquals(ExitCode.OK, consumed.exitCode(), consumed::toString);

        CliRun progress = mqadmin(broker.address(), "-o", "json", "consumerProgress", "-g", "audit");
        assertEquals(ExitCode.OK, progress.exitCode(), progress::toString);
        assertEquals(2, progress.jsonNumber("consumerOffset"), progress::toString);
        assertEquals(0, progress.jsonNumber("totalLag"), progress::toString);

        mqadmin(broker.address(), "sendMessage", "-t", "Progress", "-p", "c");
        CliRun lagging = eventually(INDEXED, r -> r.out().contains("\"totalLag\": 1"), broker.address(),
                "-o", "json", "consumerProgress", "-g", "audit");
        assertEquals(1, lagging.jsonNumber("totalLag"), lagging::toString);
    }

    @Test
    void queryMsgByKeyFindsAMessageByItsBusinessKey(EmbeddedBroker broker) throws Exception {
        mqadmin(broker.address(), "sendMessage", "-t", "Keyed", "-p", "order body", "-k", "order-42");

        CliRun found = eventually(INDEXED, r -> r.out().contains("order body"), broker.address(),
                "-o", "json", "queryMsgByKey", "-t", "Keyed", "-k", "order-42");
        assertEquals(ExitCode.OK, found.exitCode(), found::toString);
        assertEquals(1, found.jsonNumber("found"), found::toString);
        assertEquals("order-42", found.jsonString("keys"));
    }

    @Test
    void queryMsgByIdShowsEveryAttributeOfTheMessage(EmbeddedBroker broker) throws Exception {
        CliRun sent = mqadmin(broker.address(), "-o", "json", "sendMessage", "-t", "ById", "-p", "details",
                "-k", "k1 k2", "-c", "TagB", "-P", "region=eu");
        String msgId = sent.jsonString("msgId");

        CliRun shown = eventually(INDEXED, r -> r.exitCode() == ExitCode.OK, broker.address(),
                "-o", "json", "queryMsgById", "-i", msgId);
        assertEquals(ExitCode.OK, shown.exitCode(), shown::toString);
        assertEquals(msgId, shown.jsonString("msgId"));
        assertEquals("ById", shown.jsonString("topic"));
        assertEquals("TagB", shown.jsonString("tags"));
        assertEquals("k1 k2", shown.jsonString("keys"));
        assertEquals("details", shown.jsonString("body"));
        assertTrue(shown.jsonString("properties").contains("region=eu"), shown::toString);
    }

    @Test
    void queryMsgTraceByIdShowsTheStoredOriginal(EmbeddedBroker broker) throws Exception {
        CliRun sent = mqadmin(broker.address(), "-o", "json", "sendMessage", "-t", "Traced", "-p", "follow me");
        String msgId = sent.jsonString("msgId");

        CliRun traced = eventually(INDEXED, r -> r.exitCode() == ExitCode.OK, broker.address(),
                "-o", "json", "queryMsgTraceById", "-i", msgId);
        assertEquals(ExitCode.OK, traced.exitCode(), traced::toString);
        assertEquals(msgId, traced.jsonString("uniqueId"));
        assertEquals("ORIGINAL", traced.jsonString("kind"), traced::toString);
        assertEquals("Traced", traced.jsonString("topic"), traced::toString);

        CliRun missing = mqadmin(broker.address(), "queryMsgTraceById", "-i", "00000000000000000000000000000000");
        assertEquals(ExitCode.BROKER_ERROR, missing.exitCode(), missing::toString);
    }

    @Test
    void printMsgListsTheMessagesOfATimeRangeOldestFirst(EmbeddedBroker broker) throws Exception {
        mqadmin(broker.address(), "updateTopic", "-t", "Timed", "-q", "2");
        mqadmin(broker.address(), "sendMessage", "-t", "Timed", "-p", "early");
        mqadmin(broker.address(), "sendMessage", "-t", "Timed", "-p", "late");

        CliRun printed = eventually(INDEXED, r -> r.out().contains("late"), broker.address(),
                "printMsg", "-t", "Timed", "-b", "-10m");
        assertEquals(ExitCode.OK, printed.exitCode(), printed::toString);
        assertTrue(printed.out().indexOf("early") < printed.out().indexOf("late"), printed::toString);

        CliRun future = mqadmin(broker.address(), "-o", "json", "printMsg", "-t", "Timed", "-b", "now", "-e", "now");
        assertEquals(0, future.jsonNumber("found"), future::toString);
    }

    @Test
    void queryMsgByIdOfAnUnknownIdExitsWithBrokerError(EmbeddedBroker broker) {
        CliRun missing = mqadmin(broker.address(), "queryMsgById", "-i", "00000000000000000000000000000000");
        assertEquals(ExitCode.BROKER_ERROR, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no message"), missing::toString);
    }
}
