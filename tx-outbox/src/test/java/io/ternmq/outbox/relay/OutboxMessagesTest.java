package io.ternmq.outbox.relay;

import io.ternmq.client.Delivery;
import io.ternmq.client.Message;
import io.ternmq.outbox.UtcTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Message → row → message, without a database: the columns the relay rebuilds a message from. */
class OutboxMessagesTest {
    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");

    private static Message roundTrip(Message m, String hashKey) {
        OutboxInsert i = OutboxMessages.toInsert(m, hashKey, NOW);
        return OutboxMessages.toMessage(new OutboxRow(1, i.getTopic(), i.getTags(), i.getMsgKeys(), i.getHashKey(),
                i.getProperties(), i.getBody(), i.getDelayLevel(), i.getDeliverAtMs(), 0));
    }

    @Test
    void everyFieldSurvives() {
        Message m = Message.builder().topic("orders").body(new byte[] {0, -1, 7}).tags("paid").keys("o-1", "c-9")
                .property("a", "1").property("b", "x\"y").build();
        OutboxInsert row = OutboxMessages.toInsert(m, "customer-9", NOW);
        assertEquals("o-1 c-9", row.getMsgKeys());
        assertEquals("customer-9", row.getHashKey());
        assertEquals(UtcTime.column(NOW), row.getCreatedAt());
        Message back = roundTrip(m, "customer-9");
        assertEquals("orders", back.topic());
        assertArrayEquals(new byte[] {0, -1, 7}, back.body());
        assertEquals("paid", back.tags());
        assertEquals(List.of("o-1", "c-9"), back.keys());
        assertEquals(Map.of("a", "1", "b", "x\"y"), back.properties());
        assertEquals(Delivery.NOW, back.delivery());
    }

    @Test
    void aBareMessageHasNullColumns() {
        OutboxInsert row = OutboxMessages.toInsert(Message.of("orders", "x"), null, NOW);
        assertNull(row.getTags());
        assertNull(row.getMsgKeys());
        assertNull(row.getHashKey());
        assertNull(row.getProperties());
        assertNull(row.getDeliverAtMs());
        assertEquals(0, row.getDelayLevel());
        assertEquals(List.of(), roundTrip(Message.of("orders", "x"), null).keys());
    }

    @Test
    void delaysAreKeptAndARelativeDelayCountsFromTheAppend() {
        assertEquals(Delivery.level(3), roundTrip(Message.builder().topic("t").body("x").delayLevel(3).build(), null)
                .delivery());
        Instant at = Instant.parse("2026-04-01T12:00:00Z");
        assertEquals(Delivery.at(at), roundTrip(Message.builder().topic("t").body("x").deliverAt(at).build(), null)
                .delivery());
        Message after = Message.builder().topic("t").body("x").deliverAfter(Duration.ofMinutes(10)).build();
        assertEquals(NOW.plus(Duration.ofMinutes(10)).toEpochMilli(),
                OutboxMessages.toInsert(after, null, NOW).getDeliverAtMs());
        assertEquals(Delivery.at(NOW.plus(Duration.ofMinutes(10))), roundTrip(after, null).delivery());
    }

    @Test
    void fieldsThatDoNotFitTheirColumnAreRefusedByName() {
        Message longTag = Message.builder().topic("t").body("x").tags("t".repeat(256)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutboxMessages.toInsert(longTag, null, NOW));
        assertEquals("the message's tags has 256 characters; mq_outbox holds at most 255", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OutboxMessages.toInsert(Message.of("t", "x"), "k".repeat(256), NOW));
        assertEquals("the message's hash key has 256 characters; mq_outbox holds at most 255", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutboxMessages.toInsert(Message.of("t", "x"), "", NOW));
        Message bigProperties = Message.builder().topic("t").body("x").property("p", "v".repeat(70_000)).build();
        assertThrows(IllegalArgumentException.class, () -> OutboxMessages.toInsert(bigProperties, null, NOW));
    }
}
