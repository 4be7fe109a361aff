package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** The outbox relay, under {@code mq.outbox.*}. */
public class OutboxProperties {
    /** Whether this application runs the relay that sends committed outbox rows. */
    private boolean relayEnabled = true;

    /** Pause between relay rounds that found nothing to send. */
    private Duration pollInterval = Duration.ofMillis(200);

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
}
