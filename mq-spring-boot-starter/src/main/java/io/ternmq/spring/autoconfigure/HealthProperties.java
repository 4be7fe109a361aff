package io.ternmq.spring.autoconfigure;

/**
 * The {@code mq} health indicator, under {@code mq.health.*}. Switch it off with
 * {@code management.health.mq.enabled=false}.
 */
public class HealthProperties {
    /** Consumer lag (messages not yet consumed, summed over a listener group's queues) above which health reports OUT_OF_SERVICE. */
    private long lagThreshold = 10000;

    public long getLagThreshold() {
        return lagThreshold;
    }

    public void setLagThreshold(long lagThreshold) {
        this.lagThreshold = lagThreshold;
    }
}
