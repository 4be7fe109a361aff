package io.ternmq.spring.autoconfigure;

import java.time.Duration;

/** Transactional messages, under {@code mq.transaction.*}. */
public class TransactionProperties {
    /** Whether MQTemplate.sendInTransaction is available (needs a DataSource). */
    private boolean enabled = true;

    /** Producer group of transactional messages; the broker's check-backs go to any live member. */
    private String producerGroup = "mq-tx-producer";

    /** Longest local transaction: a check-back for a half message older than this without a transaction-log row is answered ROLLBACK. */
    private Duration localTransactionTimeout = Duration.ofMinutes(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public Duration getLocalTransactionTimeout() {
        return localTransactionTimeout;
    }

    public void setLocalTransactionTimeout(Duration localTransactionTimeout) {
        this.localTransactionTimeout = localTransactionTimeout;
    }
}
