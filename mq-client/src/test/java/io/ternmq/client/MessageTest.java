package io.ternmq.client;

import io.ternmq.protocol.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageTest {
    @Test
    void withPropertyReturnsACopyAndLeavesTheOriginalAlone() {
        Message m = Message.builder().topic("T").body("x").tags("A").keys("k1", "k2").build();
        Message m2 = m.withProperty("p", "v");
        assertEquals(Map.of(), m.properties());
        assertEquals(Map.of("p", "v"), m2.properties());
        assertEquals(List.of("k1", "k2"), m2.keys());
        assertEquals("A", m2.tags());
    }

    @Test
    void reservedPropertyNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Message.of("T", "x").withProperty(MessageProperties.UNIQ_KEY, "1"));
    }

    @Test
    void invalidTopicNamesAndKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Message.of("bad topic", "x"));
        assertThrows(IllegalArgumentException.class, () -> Message.builder().topic("T").body("x").keys("a b").build());
    }
}
