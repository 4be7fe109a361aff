package io.ternmq.sample.order.inventory;

/** A row of table {@code stock}: units that can still be reserved, and units held by reservations. */
public record Stock(String sku, int available, int reserved) {
}
