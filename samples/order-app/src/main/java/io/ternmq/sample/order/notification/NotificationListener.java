package io.ternmq.sample.order.notification;

import io.ternmq.protocol.message.MessageModel;
import io.ternmq.sample.order.messaging.OrderEvent;
import io.ternmq.sample.order.messaging.Topics;
import io.ternmq.spring.annotation.MQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Tells customers what happened to their orders, through whichever instance they are connected to.
 *
 * <p>{@code messageModel = BROADCASTING}: every running instance of the application receives every order event
 * (in clustering mode the group's members would share them out). Offsets are kept per instance in a local file
 * ({@code mq.consumer.offset-store-dir}, named by {@code mq.consumer.instance-name}), not on the broker, and a
 * failed message is retried locally, never dead-lettered.
 */
@Component
public class NotificationListener {
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final NotificationFeed feed;

    public NotificationListener(NotificationFeed feed) {
        this.feed = feed;
    }

    @MQListener(id = "notifications", topic = Topics.ORDERS, group = Topics.NOTIFICATION_GROUP,
            messageModel = MessageModel.BROADCASTING)
    public void onOrderEvent(OrderEvent event) {
        String text = switch (event.type()) {
            case CREATED -> "we received your order of " + event.quantity() + " x " + event.sku();
            case RESERVED -> event.payLater() ? "your items are reserved; please pay to complete the order"
                    : "your items are reserved";
            case OUT_OF_STOCK -> "sorry, " + event.sku() + " is out of stock";
            case PAID -> "thank you for your payment";
            case CANCELLED -> "your order was cancelled: it was not paid in time";
        };
        feed.add(new Notification(Instant.now(), event.customer(), event.orderId(), event.type(), text));
        log.info("notify {}: order {}: {}", event.customer(), event.orderId(), text);
    }
}
