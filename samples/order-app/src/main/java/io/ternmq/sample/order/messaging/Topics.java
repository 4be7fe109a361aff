package io.ternmq.sample.order.messaging;

/** The topics and consumer groups of the sample, in one place so the flow can be read from here. */
public final class Topics {
    /** Order events ({@link OrderEvent}), tagged with their type: created, reserved, out-of-stock, paid, cancelled. */
    public static final String ORDERS = "orders";
    /** Ordered steps of each order ({@link OrderStep}), hashed by order id so one order's steps share a queue. */
    public static final String ORDER_STEPS = "order-steps";
    /** Delayed payment deadlines ({@link PaymentTimeout}). */
    public static final String PAYMENT_TIMEOUTS = "order-payment-timeouts";

    /** Reserves stock for created orders; its dead letters are {@code %DLQ%inventory}. */
    public static final String INVENTORY_GROUP = "inventory";
    /** Publishes the steps of reserved and paid orders, and the payment deadline of pay-later ones. */
    public static final String PAYMENT_GROUP = "payment";
    /** Cancels orders still unpaid when their deadline arrives. */
    public static final String PAYMENT_TIMEOUT_GROUP = "payment-timeout";
    /** Records each order's steps, in order. */
    public static final String FULFILMENT_GROUP = "fulfilment";
    /** Broadcast: every instance's notification feed gets every event. */
    public static final String NOTIFICATION_GROUP = "notifications";

    private Topics() {
    }
}
