package io.ternmq.sample.order.fulfilment;

import io.ternmq.sample.order.messaging.OrderStep;

import java.time.Instant;

/** A row of table {@code order_steps}: a step as it was consumed, with the queue and offset that carried it. */
public record StepRecord(long id, String orderId, OrderStep.Step step, int queueId, long queueOffset,
                         Instant consumedAt) {
}
