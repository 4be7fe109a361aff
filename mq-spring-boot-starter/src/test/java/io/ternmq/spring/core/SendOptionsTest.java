package io.ternmq.spring.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendOptionsTest {

    @Test
    void defaultsSetNothing() {
        SendOptions d = SendOptions.defaults();
        assertNull(d.tags());
        assertEquals(List.of(), d.keys());
        assertNull(d.hashKey());
        assertFalse(d.delayed());
        assertEquals(Map.of(), d.properties());
        assertNull(d.timeout());
    }

    @Test
    void twoDelaysAtOnceAreRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendOptions.builder().delayLevel(2).delay(Duration.ofSeconds(5)).build());
        assertTrue(e.getMessage().contains("mutually exclusive"), e.getMessage());
        assertTrue(e.getMessage().contains("delayLevel=2") && e.getMessage().contains("PT5S"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SendOptions.builder().delay(Duration.ofSeconds(1)).deliverAt(Instant.now()).build());
        assertThrows(IllegalArgumentException.class,
                () -> SendOptions.builder().delayLevel(1).deliverAt(Instant.now()).build());
    }

    @Test
    void oneDelayIsFineAndMarksTheOptionsDelayed() {
        assertTrue(SendOptions.builder().delayLevel(3).build().delayed());
        assertTrue(SendOptions.builder().delay(Duration.ofMinutes(1)).build().delayed());
        assertTrue(SendOptions.builder().deliverAt(Instant.now()).build().delayed());
    }

    @Test
    void invalidValuesAreRejectedWithTheOptionName() {
        assertMessage("SendOptions.delay", () -> SendOptions.builder().delay(Duration.ZERO));
        assertMessage("SendOptions.timeout", () -> SendOptions.builder().timeout(Duration.ofSeconds(-1)));
        assertMessage("SendOptions.delayLevel", () -> SendOptions.builder().delayLevel(-1));
        assertMessage("SendOptions.keys", () -> SendOptions.builder().keys("a b"));
        assertMessage("SendOptions.tags", () -> SendOptions.builder().tags("a || b"));
    }

    @Test
    void reservedAndMalformedPropertyNamesAreRejected() {
        assertMessage("'TRAN_MSG' is reserved", () -> SendOptions.builder().property("TRAN_MSG", "true"));
        assertMessage("'DELAY' is reserved", () -> SendOptions.builder().property("DELAY", "3"));
        assertMessage("whitespace", () -> SendOptions.builder().property("my key", "v"));
        assertMessage("empty", () -> SendOptions.builder().property("", "v"));
    }

    @Test
    void toBuilderCopiesEverything() {
        SendOptions o = SendOptions.builder().tags("t").keys("k1", "k2").hashKey("h").delay(Duration.ofSeconds(2))
                .property("a", "1").timeout(Duration.ofMillis(500)).build();
        assertEquals(o, o.toBuilder().build());
        SendOptions changed = o.toBuilder().tags("u").build();
        assertEquals("u", changed.tags());
        assertEquals("t", o.tags());
        assertEquals(List.of("k1", "k2"), changed.keys());
        assertEquals(Map.of("a", "1"), changed.properties());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
