package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** The outbox relay (mq.transaction.mode=outbox), under {@code mq.outbox.*}. */
public class OutboxProperties {
    /** Whether this application runs the relay that sends committed outbox rows. */
    private boolean relayEnabled = true;

    /** Pause between relay rounds that found nothing to send. */
    private Duration pollInterval = Duration.ofMillis(200);

    /** Most rows one relay round sends. */
    private int batchSize = 100;

    /** Send attempts before a row is parked as FAILED for an operator. */
    private int maxAttempts = 16;

    /** Back-off before the first retry of a failed row, doubled per attempt up to 5 minutes. */
    private Duration retryBackoff = Duration.ofSeconds(1);

    /** How long sent rows are kept before they are deleted. */
    private Duration retention = Duration.ofDays(1);

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
