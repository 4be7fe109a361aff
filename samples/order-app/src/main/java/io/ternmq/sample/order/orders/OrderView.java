package io.ternmq.sample.order.orders;

import io.ternmq.sample.order.fulfilment.StepRecord;
import io.ternmq.sample.order.inventory.Reservation;

import java.util.List;

/**
 * The body of {@code GET /orders/{id}}: the order, the stock it holds, its steps as the orderly listener recorded
 * them and its history, oldest first.
 */
public record OrderView(Order order, Reservation reservation, List<StepRecord> steps,
                        List<OrderHistoryMapper.Entry> history) {
}
