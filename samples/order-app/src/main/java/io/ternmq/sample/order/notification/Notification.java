package io.ternmq.sample.order.notification;

import io.ternmq.sample.order.messaging.OrderEventType;

import java.time.Instant;

/** What a customer would be told about their order. */
public record Notification(Instant at, String customer, String orderId, OrderEventType event, String text) {
}
