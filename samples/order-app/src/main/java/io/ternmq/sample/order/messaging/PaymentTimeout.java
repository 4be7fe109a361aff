package io.ternmq.sample.order.messaging;

import java.time.Duration;

/**
 * The body of a delayed message on topic {@code order-payment-timeouts}: delivered {@code after} the order was
 * reserved, it cancels the order if it is still unpaid.
 */
public record PaymentTimeout(String orderId, Duration after) {
}
