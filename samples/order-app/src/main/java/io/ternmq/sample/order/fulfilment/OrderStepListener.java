package io.ternmq.sample.order.fulfilment;

import io.ternmq.sample.order.messaging.OrderStep;
import io.ternmq.sample.order.messaging.Topics;
import io.ternmq.sample.order.orders.OrderMapper;
import io.ternmq.sample.order.orders.OrderStatus;
import io.ternmq.spring.annotation.ConsumeMode;
import io.ternmq.spring.annotation.MQListener;
import io.ternmq.spring.support.MQHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each order's steps and moves its status along: PAY → PAID, PUSH → SHIPPED, COMPLETE → COMPLETED.
 *
 * <p>{@code consumeMode = ORDERLY}: each queue of {@code order-steps} is processed by one thread at a time, in queue
 * order, under a broker-side lock, and a failed step is retried in place before anything behind it. Since every step
 * of an order was sent with the order id as hash key, they share a queue, so an order's steps are recorded in the
 * order they were sent while different orders still proceed in parallel (one thread per queue).
 */
@Component
public class OrderStepListener {
    private final OrderStepMapper steps;
    private final OrderMapper orders;

    public OrderStepListener(OrderStepMapper steps, OrderMapper orders) {
        this.steps = steps;
        this.orders = orders;
    }

    @MQListener(id = "fulfilment", topic = Topics.ORDER_STEPS, group = Topics.FULFILMENT_GROUP,
            consumeMode = ConsumeMode.ORDERLY, idempotencyKey = "#payload.orderId + ':' + #payload.step")
    @Transactional
    public void onStep(OrderStep step, @Header(MQHeaders.QUEUE_ID) int queueId,
                       @Header(MQHeaders.QUEUE_OFFSET) long queueOffset) {
        steps.insert(step.orderId(), step.step(), queueId, queueOffset);
        switch (step.step()) {
            case CREATE -> { }
            case PAY -> orders.advance(step.orderId(), OrderStatus.PAID);
            case PUSH -> orders.advance(step.orderId(), OrderStatus.SHIPPED);
            case COMPLETE -> orders.advance(step.orderId(), OrderStatus.COMPLETED);
        }
    }
}
