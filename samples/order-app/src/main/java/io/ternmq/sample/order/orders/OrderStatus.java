package io.ternmq.sample.order.orders;

/**
 * Where an order is. CREATED → RESERVED (stock held) → PAID → SHIPPED → COMPLETED, driven by the ordered steps; an
 * order can also end OUT_OF_STOCK, or CANCELLED when a pay-later order is not paid in time.
 */
public enum OrderStatus {
    CREATED, RESERVED, OUT_OF_STOCK, PAID, SHIPPED, COMPLETED, CANCELLED
}
