package io.ternmq.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static io.ternmq.cli.CliRun.mqadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented exit codes (docs/cli.md) for the failures that need no running broker. */
class ExitCodesTest {

    @Test
    void helpExitsWithZeroAndListsTheCommands() {
        CliRun help = mqadmin(null, "--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("consumerProgress"), help::toString);
        assertTrue(help.out().contains("Exit codes"), help::toString);
    }

    @Test
    void generateCompletionPrintsABashCompletionScript() {
        CliRun completion = mqadmin(null, "generate-completion");
        assertEquals(ExitCode.OK, completion.exitCode(), completion::toString);
        assertTrue(completion.out().contains("complete -F"), completion::toString);
        assertTrue(completion.out().contains("consumerProgress"), completion::toString);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, mqadmin(null, "frobnicate").exitCode());
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        CliRun run = mqadmin(null, "sendMessage", "-t", "T");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("--body"), run::toString);
    }

    @Test
    void anInvalidPermissionIsAUsageErrorCaughtBeforeContactingTheBroker() throws IOException {
        CliRun run = mqadmin(closedAddress(), "updateTopic", "-t", "T", "-p", "7");
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("-p"), run::toString);
    }

    @Test
    void aMalformedBrokerAddressIsAUsageError() {
        assertEquals(ExitCode.USAGE, mqadmin("no-port-here", "topicList").exitCode());
    }

    @Test
    void anUnreachableBrokerExitsWithCannotConnect() throws IOException {
        String address = closedAddress();
        CliRun run = mqadmin(null, "--timeout", "2s", "topicList", "-n", address);
        assertEquals(ExitCode.CANNOT_CONNECT, run.exitCode(), run::toString);
        // -n after the subcommand is honoured: the message names the address given there
        assertTrue(run.err().contains("cannot reach the broker at " + address), run::toString);
    }

    @Test
    void anUnparsableTimeIsAUsageError() {
        assertEquals(ExitCode.USAGE, mqadmin(null, "queryMsgByKey", "-t", "T", "-k", "k", "-b", "yesterday").exitCode());
    }

    /** An address nothing listens on: a port the kernel just handed out and we closed again. */
    private static String closedAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }
}
