package io.ternmq.broker.config;

/**
 * A broker's replication role, named as in RocketMQ. Replication is not implemented yet, so only the two master
 * roles are accepted; {@code SLAVE} is rejected at start-up with a clear message.
 */
public enum BrokerRole {
    /** Master; acks do not wait for a slave (there is none yet). */
    ASYNC_MASTER,
    /** Master that would wait for a slave; behaves as ASYNC_MASTER until replication exists. */
    SYNC_MASTER,
    /** Not supported yet. */
    SLAVE
}
