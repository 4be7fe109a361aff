package io.ternmq.sample.order.messaging;

/** The body of a message on topic {@code order-steps}: one step of one order. */
public record OrderStep(String orderId, Step step) {

    /** The steps of an order, in the order they must be processed. */
    public enum Step {
        CREATE, PAY, PUSH, COMPLETE
    }
}
