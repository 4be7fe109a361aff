package io.ternmq.sample.order.inventory;

import java.time.Instant;

/** A row of table {@code stock_reservations}: the stock one order holds (RESERVED) or gave back (RELEASED). */
public record Reservation(String orderId, String sku, int quantity, String status, Instant createdAt) {
}
