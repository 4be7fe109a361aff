package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** Business-key idempotency, under {@code mq.idempotency.*}. */
public class IdempotencyProperties {
    /** Whether @MQListener idempotencyKey is honoured (needs a DataSource). */
    private boolean enabled = true;

    /** Without a local transaction: how long a PROCESSING claim blocks redeliveries of its key before another consumer may take it over. */
    private Duration lease = Duration.ofMinutes(5);

    /** How long processed keys are remembered. */
    private Duration retention = Duration.ofDays(7);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
