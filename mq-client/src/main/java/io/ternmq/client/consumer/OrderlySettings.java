package io.ternmq.client.consumer;

import java.time.Duration;

/**
 * The push consumer's orderly-consumption settings (see {@link PushConsumer.Builder}).
 *
 * @param suspendCurrentQueueTime pause before a failed orderly call is retried in place (1 s)
 * @param lockInterval            how often held queue locks are renewed at the broker (20 s)
 * @param lockMaxLiveTime         how long after a successful lock request this client still trusts its lock
 *                                (30 s); must stay below the broker's {@code rebalanceLockMaxLiveTime} (60 s)
 */
record OrderlySettings(Duration suspendCurrentQueueTime, Duration lockInterval, Duration lockMaxLiveTime) {
    static final OrderlySettings DEFAULTS = new OrderlySettings(Duration.ofSeconds(1), Duration.ofSeconds(20),
            Duration.ofSeconds(30));
}
