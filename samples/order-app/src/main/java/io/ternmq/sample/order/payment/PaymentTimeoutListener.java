package io.ternmq.sample.order.payment;

import io.ternmq.sample.order.inventory.InventoryService;
import io.ternmq.sample.order.messaging.OrderEvent;
import io.ternmq.sample.order.messaging.OrderEventType;
import io.ternmq.sample.order.messaging.PaymentTimeout;
import io.ternmq.sample.order.messaging.Topics;
import io.ternmq.sample.order.orders.Order;
import io.ternmq.sample.order.orders.OrderHistoryMapper;
import io.ternmq.sample.order.orders.OrderMapper;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives the delayed payment deadline of a pay-later order. Still unpaid: the order is cancelled, its stock
 * released and an OrderCancelled event sent, all in one transaction. Paid in time: nothing changes.
 */
@Component
public class PaymentTimeoutListener {
    private static final Logger log = LoggerFactory.getLogger(PaymentTimeoutListener.class);

    private final OrderMapper orders;
    private final OrderHistoryMapper history;
    private final InventoryService inventory;
    private final MQTemplate mq;

    public PaymentTimeoutListener(OrderMapper orders, OrderHistoryMapper history, InventoryService inventory,
                                  MQTemplate mq) {
        this.orders = orders;
        this.history = history;
        this.inventory = inventory;
        this.mq = mq;
    }

    @MQListener(id = "payment-timeout", topic = Topics.PAYMENT_TIMEOUTS, group = Topics.PAYMENT_TIMEOUT_GROUP,
            idempotencyKey = "#payload.orderId")
    @Transactional
    public void onDeadline(PaymentTimeout deadline) {
        String id = deadline.orderId();
        if (orders.cancelUnpaid(id) == 0) {
            Order order = orders.findById(id);
            history.add(id, "payment deadline passed: nothing to do, order is "
                    + (order == null ? "gone" : order.paidAt() != null ? "paid" : order.status()));
            return;
        }
        history.add(id, "cancelled: not paid within " + deadline.after().toSeconds() + "s");
        inventory.release(id);
        Order cancelled = orders.findById(id);
        mq.sendInTransaction(OrderEventType.CANCELLED.destination(), OrderEvent.of(OrderEventType.CANCELLED, cancelled),
                SendOptions.builder().keys(id).build());
        log.info("payment: order {} cancelled, not paid within {}", id, deadline.after());
    }
}
