package io.ternmq.sample.order.messaging;

import io.ternmq.sample.order.orders.Order;

import java.math.BigDecimal;

/**
 * The body of every message on topic {@code orders}, as JSON. It carries the whole order so that consumers (and the
 * Kafka analytics service, which cannot call back) need nothing else.
 */
public record OrderEvent(OrderEventType type, String orderId, String customer, String sku, int quantity,
                         BigDecimal amount, boolean payLater) {

    public static OrderEvent of(OrderEventType type, Order order) {
        return new OrderEvent(type, order.id(), order.customer(), order.sku(), order.quantity(), order.amount(),
                order.payLater());
    }
}
