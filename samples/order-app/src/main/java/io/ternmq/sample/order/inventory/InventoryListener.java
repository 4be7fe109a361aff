package io.ternmq.sample.order.inventory;

import io.ternmq.sample.order.messaging.OrderEvent;
import io.ternmq.sample.order.messaging.OrderEventType;
import io.ternmq.sample.order.messaging.Topics;
import io.ternmq.sample.order.orders.Order;
import io.ternmq.sample.order.orders.OrderHistoryMapper;
import io.ternmq.sample.order.orders.OrderMapper;
import io.ternmq.sample.order.orders.OrderStatus;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves stock for every created order, at most once per order.
 *
 * <ul>
 *   <li><b>Idempotent</b>: {@code idempotencyKey} makes the starter record the order id in {@code mq_idempotency}
 *   in the same transaction as the reservation. A redelivered or duplicated OrderCreated finds the key and is
 *   acknowledged without calling this method; a failed call rolls the key back with everything else.</li>
 *   <li><b>Transactional follow-up</b>: the RESERVED (or OUT_OF_STOCK) event is sent with
 *   {@code sendInTransaction}, so it exists exactly when the reservation committed.</li>
 *   <li><b>Poison messages</b>: an order for an unknown sku fails every time; after {@code maxRetries} the broker
 *   parks it in {@code %DLQ%inventory}, where {@code mqadmin queryDlq} shows it and {@code resendDlq} re-sends it.</li>
 * </ul>
 */
@Component
public class InventoryListener {
    private static final Logger log = LoggerFactory.getLogger(InventoryListener.class);

    private final OrderMapper orders;
    private final OrderHistoryMapper history;
    private final InventoryService inventory;
    private final MQTemplate mq;

    public InventoryListener(OrderMapper orders, OrderHistoryMapper history, InventoryService inventory,
                             MQTemplate mq) {
        this.orders = orders;
        this.history = history;
        this.inventory = inventory;
        this.mq = mq;
    }

    @MQListener(id = "inventory", topic = Topics.ORDERS, group = Topics.INVENTORY_GROUP,
            selectorExpression = "created", idempotencyKey = "#payload.orderId",
            maxRetries = "${order-app.inventory.max-retries:2}")
    @Transactional
    public void onOrderCreated(OrderEvent event) {
        // the lock makes a payment timeout that cancels this order wait for us, or us for it
        Order order = orders.lockById(event.orderId());
        if (order == null) {
            throw new IllegalStateException("OrderCreated for unknown order " + event.orderId());
        }
        if (order.status() != OrderStatus.CREATED) {
            history.add(order.id(), "stock not reserved: order is " + order.status());
            return;
        }
        OrderEventType outcome;
        if (inventory.reserve(order)) {
            orders.transition(order.id(), OrderStatus.CREATED, OrderStatus.RESERVED);
            outcome = OrderEventType.RESERVED;
        } else {
            orders.transition(order.id(), OrderStatus.CREATED, OrderStatus.OUT_OF_STOCK);
            outcome = OrderEventType.OUT_OF_STOCK;
        }
        mq.sendInTransaction(outcome.destination(), OrderEvent.of(outcome, order),
                SendOptions.builder().keys(order.id()).build());
        log.info("inventory: order {} {} ({} x {})", order.id(), outcome.tag(), order.quantity(), order.sku());
    }
}
