package io.ternmq.cli;

import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ternmq.cli.CliRun.eventually;
import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short delay levels so a delayed send becomes visible within the test's deadline. */
@EmbeddedMQ(config = "messageDelayLevel=1s 2s 3s")
class DelayedSendCommandsTest {
    private static final Duration DUE_WITHIN = Duration.ofSeconds(20);

    @Test
    void aMessageSentWithADelayLevelIsReadableOnlyOnceDue(EmbeddedBroker broker) throws Exception {
        assertHiddenUntilDue(broker, "DelayLevel", 2_000, "--delay-level", "2");
    }

    @Test
    void aMessageSentWithDeliverAfterIsReadableOnlyOnceDue(EmbeddedBroker broker) throws Exception {
        assertHiddenUntilDue(broker, "DelayAfter", 2_000, "--deliver-after", "2s");
    }

    @Test
    void aMessageSentWithDeliverAtIsReadableOnlyOnceDue(EmbeddedBroker broker) throws Exception {
        long at = System.currentTimeMillis() + 2_000;
        assertHiddenUntilDue(broker, "DelayAt", at - System.currentTimeMillis(), "--deliver-at", Long.toString(at));
    }

    @Test
    void twoDelayOptionsAreAUsageErrorAndSendNothing(EmbeddedBroker broker) {
        mqadmin(broker.address(), "updateTopic", "-t", "DelayBoth", "-q", "1");

        CliRun both = mqadmin(broker.address(), "sendMessage", "-t", "DelayBoth", "-p", "x", "--delay-level", "1",
                "--deliver-after", "5s");
        assertEquals(ExitCode.USAGE, both.exitCode(), both::toString);
        assertTrue(both.err().contains("mutually exclusive"), both::toString);
        CliRun status = mqadmin(broker.address(), "-o", "json", "topicStatus", "-t", "DelayBoth");
        assertEquals(0, status.jsonNumber("totalMessages"), status::toString);
    }

    /**
     * Sends with the delay options, checks the message is not there right after the send, then waits for it and
     * checks it did not show up before {@code delayMs} had passed since just before the send.
     */
    private static void assertHiddenUntilDue(EmbeddedBroker broker, String topic, long delayMs, String... delay)
            throws Exception {
        mqadmin(broker.address(), "updateTopic", "-t", topic, "-q", "1");
        String[] send = concat(new String[]{"-o", "json", "sendMessage", "-t", topic, "-p", "later"}, delay);
        long sentBefore = System.currentTimeMillis();
        CliRun sent = mqadmin(broker.address(), send);
        assertEquals(ExitCode.OK, sent.exitCode(), sent::toString);
        assertEquals("SEND_OK", sent.jsonString("status"));

        CliRun early = mqadmin(broker.address(), "-o", "json", "consumeMessage", "-t", topic);
        long earlyAt = System.currentTimeMillis();
        if (earlyAt - sentBefore < delayMs) {
            assertEquals(0, early.jsonNumber("messages"), "visible before it was due: " + early);
        }

        CliRun due = eventually(DUE_WITHIN, r -> r.out().contains("\"messages\": 1"), broker.address(),
                "-o", "json", "consumeMessage", "-t", topic);
        long seenAt = System.currentTimeMillis();
        assertTrue(due.out().contains("later"), due::toString);
        assertTrue(seenAt - sentBefore >= delayMs, "seen " + (seenAt - sentBefore) + " ms after the send");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
