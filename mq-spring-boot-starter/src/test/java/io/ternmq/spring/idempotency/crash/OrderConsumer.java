package io.ternmq.spring.idempotency.crash;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.spring.annotation.MQListener;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;

/**
 * The listener of {@link IdempotentOrderConsumerApp}, written as an application would: a {@code @Transactional}
 * method with an idempotency key, so the starter claims the order id in the same transaction as the business row.
 * Each call takes {@code work} (a slow downstream, say), so that a kill finds several calls in flight, and logs its
 * start and the fate of its transaction to the {@link ConsumerEventLog}.
 */
public class OrderConsumer {
    private final ConsumedOrders orders;
    private final ConsumerEventLog events;
    private final Duration work;
    private final String consumer;

    OrderConsumer(ConsumedOrders orders, ConsumerEventLog events, Duration work, String consumer) {
        this.orders = orders;
        this.events = events;
        this.work = work;
        this.consumer = consumer;
    }

    @Transactional
    @MQListener(topic = "${consumer.topic}", group = "${consumer.group}", idempotencyKey = "#payload.orderId",
            concurrency = "4")
    public void onOrder(OrderPlaced order, MessageExt message) throws InterruptedException {
        String messageId = message.msgId();
        if (message.reconsumeTimes() > 0) { // from the retry topic, whose queue and offset say nothing here
            events.started(messageId, order.orderId(), ConsumerEventLog.RETRY_QUEUE, -1);
        } else {
            events.started(messageId, order.orderId(), String.valueOf(message.queueId()), message.queueOffset());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                events.ended(status == STATUS_COMMITTED, messageId, order.orderId());
            }
        });
        orders.record(order.orderId(), messageId, consumer);
        Thread.sleep(work.toMillis());
    }
}
