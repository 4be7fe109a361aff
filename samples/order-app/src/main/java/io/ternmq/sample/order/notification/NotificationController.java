package io.ternmq.sample.order.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /notifications}: this instance's feed (each instance answers with every notification). */
@RestController
public class NotificationController {
    private final NotificationFeed feed;
    private final String instance;

    public NotificationController(NotificationFeed feed,
                                  @Value("${mq.consumer.instance-name:DEFAULT}") String instance) {
        this.feed = feed;
        this.instance = instance;
    }

    /** The body of {@code GET /notifications}. */
    public record Feed(String instance, List<Notification> notifications) {
    }

    @GetMapping("/notifications")
    public Feed notifications() {
        return new Feed(instance, feed.latest());
    }
}
