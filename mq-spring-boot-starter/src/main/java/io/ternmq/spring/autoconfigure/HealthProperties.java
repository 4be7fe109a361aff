package io.ternmq.spring.autoconfigure;

/** The health indicator, under {@code mq.health.*}. */
public class HealthProperties {
    /** Consumer lag (messages, summed over a listener's queues) above which health reports OUT_OF_SERVICE. */
    private long lagThreshold = 10000;

    public long getLagThreshold() {
        return lagThreshold;
    }

    public void setLagThreshold(long lagThreshold) {
        this.lagThreshold = lagThreshold;
    }
}
