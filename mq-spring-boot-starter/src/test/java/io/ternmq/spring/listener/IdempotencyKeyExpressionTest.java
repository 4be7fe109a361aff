package io.ternmq.spring.listener;

import io.ternmq.client.consumer.MessageExt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idempotency key convention: #payload, #headers, #message (and the same as root properties). */
class IdempotencyKeyExpressionTest {
    record Order(String orderId, int step) {
    }

    private static final MessageExt MESSAGE = new MessageExt("orders", 1, 7, null, "0A", null, List.of("k-1"),
            Map.of(), new byte[0], 0, 0, 0, "127.0.0.1:1", 0);

    private static String key(String expression, Object payload, Map<String, Object> headers) {
        return IdempotencyKeyExpression.parse(expression, "X.m").evaluate(payload, headers, MESSAGE);
    }

    @Test
    void variablesAndRootPropertiesReachPayloadHeadersAndMessage() {
        Order order = new Order("o-1", 3);
        assertEquals("o-1", key("#payload.orderId", order, Map.of()));
        assertEquals("o-1", key("payload.orderId", order, Map.of()));
        assertEquals("o-1:3", key("#payload.orderId + ':' + #payload.step", order, Map.of()));
        assertEquals("k-9", key("#headers['mq_keys']", order, Map.of("mq_keys", "k-9")));
        assertEquals("orders@7", key("#message.topic() + '@' + #message.queueOffset()", order, Map.of()));
        assertEquals("O-1", key("#payload.orderId.toUpperCase()", order, Map.of()));
    }

    @Test
    void aMissingOrFailingKeyIsAnIdempotencyKeyException() {
        assertThrows(IdempotencyKeyException.class, () -> key("#headers['absent']", "body", Map.of()));
        assertThrows(IdempotencyKeyException.class, () -> key("#payload.noSuchProperty", new Order("o", 1), Map.of()));
        assertThrows(IdempotencyKeyException.class, () -> key("''", "body", Map.of()));
    }

    @Test
    void typeAndBeanReferencesAreNotAvailable() {
        IdempotencyKeyException e = assertThrows(IdempotencyKeyException.class,
                () -> key("T(java.lang.System).exit(1)", "body", Map.of()));
        assertTrue(e.getMessage().contains("X.m"), e.getMessage());
    }

    @Test
    void aMalformedExpressionIsRejectedNamingTheMethod() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IdempotencyKeyExpression.parse("#payload.", "Billing.onOrder"));
        assertTrue(e.getMessage().startsWith("@MQListener on Billing.onOrder: idempotencyKey '#payload.'"),
                e.getMessage());
    }
}
