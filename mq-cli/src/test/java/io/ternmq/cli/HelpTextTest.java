package io.ternmq.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every help text renders as written: picocli formats descriptions, so a bare '%' (as in %DLQ%group) breaks them. */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutFormatWarnings() {
        CommandLine mqadmin = new CommandLine(new MqAdmin());
        ByteArrayOutputStream picocliTrace = new ByteArrayOutputStream(); // picocli warns on System.err itself
        PrintStream stderr = System.err;
        List<String> usages = new ArrayList<>();
        System.setErr(new PrintStream(picocliTrace, true, StandardCharsets.UTF_8));
        try {
            usages.add(mqadmin.getUsageMessage());
            mqadmin.getSubcommands().values().forEach(command -> usages.add(command.getUsageMessage()));
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", picocliTrace.toString(StandardCharsets.UTF_8));
        String all = String.join("\n", usages);
        assertTrue(all.contains("dead-letter messages (%DLQ%group)"), all);
        assertTrue(all.contains("(via %RETRY%group)"), all);
    }
}
