package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** Producer settings, under {@code mq.producer.*}. */
public class ProducerProperties {
    /** Producer group of MQTemplate's producer. */
    private String group = "mq-producer";

    /** Budget for one send including retries on other queues. */
    private Duration sendTimeout = Duration.ofSeconds(3);

    /** Extra attempts on another queue after a retriable send failure. */
    private int retryTimesWhenSendFailed = 2;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }
}
