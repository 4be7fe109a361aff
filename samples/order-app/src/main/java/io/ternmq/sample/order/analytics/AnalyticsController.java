package io.ternmq.sample.order.analytics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /analytics}: what the Kafka consumer counted so far. */
@RestController
@ConditionalOnBooleanProperty(name = "order-app.analytics.enabled", matchIfMissing = true)
public class AnalyticsController {
    private final OrderAnalytics analytics;

    public AnalyticsController(OrderAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/analytics")
    public OrderAnalytics.Report analytics() {
        return analytics.report();
    }
}
