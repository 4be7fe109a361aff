package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** Micrometer meters, under {@code mq.metrics.*}; they exist only when the application has a MeterRegistry bean. */
public class MetricsProperties {
    /** Whether the starter registers its mq.* meters. */
    private boolean enabled = true;

    /** How often the consumer lag of every listener group is read from the broker for the mq.consumer.lag gauge. */
    private Duration lagPollInterval = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getLagPollInterval() {
        return lagPollInterval;
    }

    public void setLagPollInterval(Duration lagPollInterval) {
        this.lagPollInterval = lagPollInterval;
    }
}
