package io.ternmq.kafka.compat;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The scenarios prove something about a client version only if that version is the one on the class path. */
class ClientVersionTest {
    @Test
    void theScenariosRunWithTheClientVersionThisModuleDeclares() throws Exception {
        String expected = System.getProperty("kafka.compat.expectedClientVersion");
        assertNotNull(expected, "surefire sets kafka.compat.expectedClientVersion (run through Maven)");
        // the file the client itself reports its version from (AppInfoParser, whose package differs in 3.x and 4.x)
        Properties version = new Properties();
        try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            assertNotNull(in, "kafka-version.properties in the kafka-clients jar");
            version.load(in);
        }
        assertEquals(expected, version.getProperty("version"));
    }
}
