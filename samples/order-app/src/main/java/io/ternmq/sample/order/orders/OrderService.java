package io.ternmq.sample.order.orders;

import io.ternmq.sample.order.OrderAppProperties;
import io.ternmq.sample.order.messaging.OrderEvent;
import io.ternmq.sample.order.messaging.OrderEventType;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creating and paying orders. Each is one local transaction that writes the order and sends its event with
 * {@link MQTemplate#sendInTransaction}: the event is delivered if and only if the transaction commits, even if this
 * process dies before it could tell the broker (the broker then asks back, and the starter answers from its
 * transaction-log table, written in this same transaction).
 */
@Service
public class OrderService {
    private final OrderMapper orders;
    private final OrderHistoryMapper history;
    private final MQTemplate mq;
    private final OrderAppProperties properties;

    public OrderService(OrderMapper orders, OrderHistoryMapper history, MQTemplate mq, OrderAppProperties properties) {
        this.orders = orders;
        this.history = history;
        this.mq = mq;
        this.properties = properties;
    }

    /**
     * Writes the order and its OrderCreated event.
     *
     * @throws InvalidOrderException   when a field is missing or out of range (nothing was written)
     * @throws OrderRejectedException  when the customer's open orders would exceed the credit limit (rolled back)
     */
    @Transactional
    public Order create(NewOrder request) {
        request.validate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order order = new Order(newId(), request.customer().trim(), request.sku().trim(), request.quantity(),
                request.amount(), request.isPayLater(), OrderStatus.CREATED, request.isPayLater() ? null : now, now);
        orders.insert(order);
        history.add(order.id(), order.payLater()
                ? "created; to be paid within " + properties.paymentTimeout().toSeconds() + "s"
                : "created and paid at checkout");
        mq.sendInTransaction(OrderEventType.CREATED.destination(), OrderEvent.of(OrderEventType.CREATED, order),
                keys(order.id()));

        // The credit check comes last on purpose: the row is written and the half message is on the broker by now,
        // and the exception still undoes both (the starter tells the broker to drop the message after the rollback).
        BigDecimal open = orders.openAmount(order.customer());
        if (open.compareTo(properties.creditLimit()) > 0) {
            throw new OrderRejectedException(order.id(), "credit limit " + properties.creditLimit() + " exceeded: "
                    + order.customer() + " would have " + open + " in open orders");
        }
        return order;
    }

    /**
     * Pays a reserved pay-later order and sends its OrderPaid event.
     *
     * @throws OrderNotFoundException when there is no such order
     * @throws OrderStateException    when it is not reserved yet, already paid, or cancelled
     */
    @Transactional
    public Order pay(String orderId) {
        if (orders.markPaid(orderId) == 1) {
            Order order = orders.findById(orderId);
            history.add(orderId, "paid");
            mq.sendInTransaction(OrderEventType.PAID.destination(), OrderEvent.of(OrderEventType.PAID, order),
                    keys(orderId));
            return order;
        }
        Order order = orders.findById(orderId);
        if (order == null) {
            throw new OrderNotFoundException(orderId);
        }
        if (order.paidAt() != null) {
            throw new OrderStateException(order, "order " + orderId + " is already paid");
        }
        if (order.status() == OrderStatus.CREATED) {
            throw new OrderStateException(order, "stock for order " + orderId + " is not reserved yet; try again");
        }
        throw new OrderStateException(order, "order " + orderId + " is " + order.status() + " and cannot be paid");
    }

    /** The order id as the message key: the broker indexes it, so {@code mqadmin queryMsgByKey} finds the events. */
    private static SendOptions keys(String orderId) {
        return SendOptions.builder().keys(orderId).build();
    }

    private static String newId() {
        return String.format("ord-%012x", ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL);
    }
}
