package io.ternmq.sample.order.messaging;

import java.util.Locale;

/** What happened to an order; the message tag of an {@link OrderEvent} is {@link #tag()}. */
public enum OrderEventType {
    CREATED, RESERVED, OUT_OF_STOCK, PAID, CANCELLED;

    /** The tag on topic {@code orders}: {@code created}, {@code out-of-stock}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code orders:created}, the destination {@code MQTemplate} sends an event of this type to. */
    public String destination() {
        return Topics.ORDERS + ":" + tag();
    }
}
