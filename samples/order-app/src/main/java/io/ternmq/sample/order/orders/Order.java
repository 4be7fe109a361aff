package io.ternmq.sample.order.orders;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of table {@code orders}. {@code paidAt} is null until the order is paid. */
public record Order(String id, String customer, String sku, int quantity, BigDecimal amount, boolean payLater,
                    OrderStatus status, Instant paidAt, Instant createdAt) {
}
