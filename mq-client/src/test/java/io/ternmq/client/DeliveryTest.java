package io.ternmq.client;

import io.ternmq.protocol.message.MessageProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTest {
    private static Map<String, String> props(Delivery d, long now) {
        Map<String, String> props = new HashMap<>();
        d.addProperties(props, now);
        return props;
    }

    @Test
    void delayLevelBecomesTheDelayProperty() {
        assertEquals(Map.of(MessageProperties.DELAY, "3"), props(Delivery.level(3), 0));
    }

    @Test
    void durationsAndInstantsBecomeADeliveryTimeRoundedUpToTheSecond() {
        assertEquals(Map.of(MessageProperties.TIMER_DELIVER_MS, "12000"),
                props(Delivery.after(Duration.ofMillis(1_500)), 10_001));
        assertEquals(Map.of(MessageProperties.TIMER_DELIVER_MS, "5000"),
                props(Delivery.at(Instant.ofEpochMilli(5_000)), 0));
        assertEquals(Map.of(MessageProperties.TIMER_DELIVER_MS, "6000"),
                props(Delivery.at(Instant.ofEpochMilli(5_001)), 0));
    }

    @Test
    void noDelayAddsNothingAndNonsenseIsRefused() {
        assertTrue(props(Delivery.NOW, 0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Delivery.level(0));
        assertThrows(IllegalArgumentException.class, () -> Delivery.after(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Message.builder().topic("t").body("x")
                .property(MessageProperties.TIMER_DELIVER_MS, "1"));
    }

    @Test
    void theBuilderKeepsTheDeliveryThroughCopies() {
        Message m = Message.builder().topic("t").body("x").delayLevel(2).build();
        assertEquals(Delivery.level(2), m.delivery());
        assertEquals(Delivery.level(2), m.withProperty("a", "b").delivery());
        assertEquals(Delivery.level(2), m.toBuilder().build().delivery());
    }
}
