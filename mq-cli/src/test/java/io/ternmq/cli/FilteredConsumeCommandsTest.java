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
class FilteredConsumeCommandsTest {
    private static final Duration STORED = Duration.ofSeconds(10);

    @Test
    void consumeMessageWithTagsPrintsOnlyMessagesWithThoseTags(EmbeddedBroker broker) throws Exception {
        String address = broker.address();
        mqadmin(address, "updateTopic", "-t", "Tagged", "-q", "1");
        mqadmin(address, "sendMessage", "-t", "Tagged", "-p", "alpha", "-c", "A");
        mqadmin(address, "sendMessage", "-t", "Tagged", "-p", "beta", "-c", "B");
        mqadmin(address, "sendMessage", "-t", "Tagged", "-p", "gamma", "-c", "C");
        eventually(STORED, r -> r.out().contains("gamma"), address, "consumeMessage", "-t", "Tagged");

        CliRun read = mqadmin(address, "-o", "json", "consumeMessage", "-t", "Tagged", "--tags", "A || B");
        assertEquals(ExitCode.OK, read.exitCode(), read::toString);
        assertEquals(2, read.jsonNumber("messages"), read::toString);
        assertTrue(read.out().contains("alpha") && read.out().contains("beta"), read::toString);
        assertFalse(read.out().contains("gamma"), read::toString);
    }

    @Test
    void consumeMessageWithSqlPrintsOnlyMessagesWhosePropertiesMatch(EmbeddedBroker broker) throws Exception {
        String address = broker.address();
        mqadmin(address, "updateTopic", "-t", "Amounts", "-q", "1");
        mqadmin(address, "sendMessage", "-t", "Amounts", "-p", "small", "-P", "amount=50");
        mqadmin(address, "sendMessage", "-t", "Amounts", "-p", "large", "-P", "amount=500");
        mqadmin(address, "sendMessage", "-t", "Amounts", "-p", "none");
        eventually(STORED, r -> r.out().contains("none"), address, "consumeMessage", "-t", "Amounts");

        CliRun read = mqadmin(address, "-o", "json", "consumeMessage", "-t", "Amounts", "--sql", "amount > 100");
        assertEquals(ExitCode.OK, read.exitCode(), read::toString);
        assertEquals(1, read.jsonNumber("messages"), read::toString);
        assertTrue(read.out().contains("large"), read::toString);
    }

    @Test
    void malformedSqlIsABrokerErrorThatNamesTheColumn(EmbeddedBroker broker) {
        mqadmin(broker.address(), "updateTopic", "-t", "BadSql", "-q", "1");
        mqadmin(broker.address(), "sendMessage", "-t", "BadSql", "-p", "x", "-P", "amount=1");

        CliRun read = mqadmin(broker.address(), "consumeMessage", "-t", "BadSql", "--sql", "amount >");
        assertEquals(ExitCode.BROKER_ERROR, read.exitCode(), read::toString);
        assertTrue(read.err().startsWith("error: "), read::toString);
        assertTrue(read.err().contains("column 9"), read::toString);
    }

    @Test
    void tagsAndSqlTogetherAreAUsageError(EmbeddedBroker broker) {
        CliRun read = mqadmin(broker.address(), "consumeMessage", "-t", "Any", "--tags", "A", "--sql", "a = 1");
        assertEquals(ExitCode.USAGE, read.exitCode(), read::toString);
    }
}
