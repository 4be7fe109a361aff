package io.ternmq.spring.autoconfigure;

import io.ternmq.spring.transaction.TransactionMode;

import java.time.Duration;

/** Transactional messages and the tx-outbox tables, under {@code mq.transaction.*}. */
public class TransactionProperties {
    /** Whether MQTemplate.sendInTransaction is available (needs a DataSource). */
    private boolean enabled = true;

    /** How a message is tied to the local transaction: a half message answered at check-back, or an outbox row sent by a relay after commit. */
    private TransactionMode mode = TransactionMode.HALF_MESSAGE;

    /** Producer group of transactional messages; the broker's check-backs go to any live member. */
    private String producerGroup = "mq-tx-producer";

    /** Longest local transaction: a check-back for a half message older than this without a transaction-log row is answered ROLLBACK. */
    private Duration localTransactionTimeout = Duration.ofMinutes(1);

    /** Whether a plain MQTemplate send inside an active local transaction is sent as if by sendInTransaction. */
    private boolean bindPlainSends = false;

    /** Whether the tx-outbox tables (transaction log, idempotency keys, outbox) are created or migrated at startup. */
    private boolean initializeSchema = true;

    /** How long transaction-log rows are kept; must exceed the broker's whole check-back window (transactionTimeOut + transactionCheckMax x transactionCheckInterval). */
    private Duration retention = Duration.ofDays(7);

    /** How often expired transaction-log rows and idempotency keys are deleted. */
    private Duration cleanupInterval = Duration.ofHours(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public TransactionMode getMode() {
        return mode;
    }

    public void setMode(TransactionMode mode) {
        this.mode = mode;
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

    public boolean isBindPlainSends() {
        return bindPlainSends;
    }

    public void setBindPlainSends(boolean bindPlainSends) {
        this.bindPlainSends = bindPlainSends;
    }

    public boolean isInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }
}
