package io.ternmq.sample.order.notification;

import io.ternmq.sample.order.OrderAppProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * This instance's latest notifications, in memory: what it would push to the customers connected to it. Each
 * instance has its own, which is why the listener filling it consumes in broadcast mode. Thread-safe.
 */
@Component
public class NotificationFeed {
    private final int capacity;
    private final Deque<Notification> latest = new ArrayDeque<>();

    public NotificationFeed(OrderAppProperties properties) {
        this.capacity = properties.notifications().feedSize();
    }

    synchronized void add(Notification notification) {
        if (latest.size() == capacity) {
            latest.removeFirst();
        }
        latest.addLast(notification);
    }

    /** Newest last. */
    public synchronized List<Notification> latest() {
        return new ArrayList<>(latest);
    }
}
