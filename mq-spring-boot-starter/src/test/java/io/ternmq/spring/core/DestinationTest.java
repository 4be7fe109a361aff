package io.ternmq.spring.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DestinationTest {

    @Test
    void aPlainTopicHasNoTag() {
        Destination d = Destination.parse("orders");
        assertEquals("orders", d.topic());
        assertNull(d.tag());
    }

    @Test
    void theFirstColonSeparatesTheTag() {
        Destination d = Destination.parse("orders:created:v2");
        assertEquals("orders", d.topic());
        assertEquals("created:v2", d.tag());
        assertEquals("orders:created:v2", d.toString());
    }

    @Test
    void emptyPartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Destination.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse(":tag"));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse("orders:"));
    }
}
