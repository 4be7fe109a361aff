package io.ternmq.kafka.codec;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaErrorTest {

    @Test
    void everyCodeNameAndRetriabilityIsKafkaClients() {
        for (KafkaError ours : KafkaError.values()) {
            Errors theirs = Errors.forCode(ours.code());
            assertEquals(theirs.name(), ours.name(), "code " + ours.code());
            assertEquals(theirs.exception() instanceof RetriableException, ours.retriable(), ours.name());
        }
    }

    @Test
    void codesAreUniqueAndLookedUp() {
        Set<Short> codes = new HashSet<>();
        for (KafkaError error : KafkaError.values()) {
            assertTrue(codes.add(error.code()), "duplicate " + error.code());
            assertSame(error, KafkaError.forCode(error.code()));
            assertTrue(error == KafkaError.NONE || !error.defaultMessage().isEmpty(), error.name());
        }
        assertSame(KafkaError.UNKNOWN_SERVER_ERROR, KafkaError.forCode((short) 12345));
    }
}
