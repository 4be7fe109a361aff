package io.ternmq.protocol.command;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {

    @Test
    void codesAndNamesAreUniqueAndCodesFitTheUnsignedInt16CommandField() {
        Set<String> names = new HashSet<>();
        for (Command<?, ?> command : Commands.all()) {
            assertSame(command, Commands.forCode(command.code()));
            assertTrue(names.add(command.name()), "duplicate name " + command.name());
            assertTrue(command.code() > 0 && command.code() <= 0xFFFF, command + " does not fit the command field");
            assertFalse(command.purpose().contains("|"), command + ": a pipe would break the generated table");
        }
    }

    @Test
    void unknownCodeHasNoCommand() {
        assertNull(Commands.forCode(0));
        assertNull(Commands.forCode(9999));
    }

    @Test
    void helloKeepsCodeOneSoEveryVersionCanFindIt() {
        assertSame(Commands.HELLO, Commands.forCode(1));
    }
}
