package io.ternmq.kafka.compat;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The scenarios prove something about a client version only if that version is the one on the class path. */
class ClientVersionTest {
    @Test
    void theScenariosRunWithTheClientVersionThisModuleDeclares() {
        String expected = System.getProperty("kafka.compat.expectedClientVersion");
        assertNotNull(expected, "surefire sets kafka.compat.expectedClientVersion (run through Maven)");
        assertEquals(expected, AppInfoParser.getVersion());
    }
}
