package io.ternmq.broker.tx;

import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;

/**
 * Check-back timing.
 *
 * @param timeoutMs        age of a half message before its first check-back ({@code transactionTimeOut})
 * @param checkIntervalMs  time between two check-backs of one half message ({@code transactionCheckInterval})
 * @param checkMax         check-backs before a still-unknown half message is parked ({@code transactionCheckMax})
 */
public record TransactionSettings(long timeoutMs, long checkIntervalMs, int checkMax) {

    public static TransactionSettings of(BrokerConfig config) {
        return new TransactionSettings(config.get(BrokerConfigKeys.TRANSACTION_TIME_OUT),
                config.get(BrokerConfigKeys.TRANSACTION_CHECK_INTERVAL),
                config.get(BrokerConfigKeys.TRANSACTION_CHECK_MAX));
    }

    /** How long a CHECK_TX may wait for its answer before it counts as UNKNOWN. */
    public long checkResponseTimeoutMs() {
        return Math.max(100, Math.min(checkIntervalMs, 5_000));
    }

    /** How often the scheduler looks for half messages due for a check-back. */
    public long tickMs() {
        return Math.max(10, Math.min(1_000, Math.min(timeoutMs, checkIntervalMs) / 2));
    }
}
