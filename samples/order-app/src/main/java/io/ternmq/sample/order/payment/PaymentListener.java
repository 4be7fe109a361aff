package io.ternmq.sample.order.payment;

import io.ternmq.sample.order.OrderAppProperties;
import io.ternmq.sample.order.messaging.OrderEvent;
import io.ternmq.sample.order.messaging.OrderEventType;
import io.ternmq.sample.order.messaging.OrderStep;
import io.ternmq.sample.order.messaging.PaymentTimeout;
import io.ternmq.sample.order.messaging.Topics;
import io.ternmq.sample.order.orders.OrderHistoryMapper;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.core.MQTemplate;
import io.ternmq.spring.core.SendOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The payment flow. Once an order's stock is reserved:
 * <ul>
 *   <li>paid at checkout: publish its steps CREATE → PAY → PUSH → COMPLETE as <b>ordered messages</b>: all with the
 *   order id as hash key, so they land in one queue of {@code order-steps} in this order, and the orderly
 *   fulfilment listener processes them in this order;</li>
 *   <li>pay later: send a <b>delayed message</b>, the payment deadline, due after {@code order-app.payment-timeout};
 *   the steps follow when the order is paid (OrderPaid).</li>
 * </ul>
 * Not transactional (it only sends), so its idempotency key is claimed with a lease: a crash mid-way may publish an
 * order's steps twice, which the fulfilment listener's own key absorbs.
 */
@Component
public class PaymentListener {
    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final MQTemplate mq;
    private final OrderHistoryMapper history;
    private final OrderAppProperties properties;

    public PaymentListener(MQTemplate mq, OrderHistoryMapper history, OrderAppProperties properties) {
        this.mq = mq;
        this.history = history;
        this.properties = properties;
    }

    @MQListener(id = "payment", topic = Topics.ORDERS, group = Topics.PAYMENT_GROUP,
            selectorExpression = "reserved || paid", idempotencyKey = "#payload.orderId + ':' + #payload.type")
    public void onOrderEvent(OrderEvent event) {
        if (event.type() == OrderEventType.RESERVED && event.payLater()) {
            PaymentTimeout deadline = new PaymentTimeout(event.orderId(), properties.paymentTimeout());
            mq.send(Topics.PAYMENT_TIMEOUTS, deadline,
                    SendOptions.builder().keys(event.orderId()).delay(properties.paymentTimeout()).build());
            history.add(event.orderId(), "awaiting payment; deadline message due in "
                    + properties.paymentTimeout().toSeconds() + "s");
            return;
        }
        for (OrderStep.Step step : OrderStep.Step.values()) {
            // one send at a time: the next step goes out only after the broker stored this one
            mq.send(Topics.ORDER_STEPS + ":" + step.name().toLowerCase(Locale.ROOT),
                    new OrderStep(event.orderId(), step),
                    SendOptions.builder().hashKey(event.orderId()).keys(event.orderId()).build());
        }
        history.add(event.orderId(), "payment captured; steps published in order to " + Topics.ORDER_STEPS);
        log.info("payment: order {} paid, steps published", event.orderId());
    }
}
