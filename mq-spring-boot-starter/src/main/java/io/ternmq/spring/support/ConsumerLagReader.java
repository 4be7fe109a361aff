package io.ternmq.spring.support;

import io.ternmq.client.MQBrokerException;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.admin.ConsumerProgress;
import io.ternmq.protocol.ErrorCode;

import java.util.Objects;

/**
 * Reads a consumer group's lag from the broker: messages stored but not yet consumed, summed over every queue the
 * group has an offset on or subscribes to (its retry topic included). A queue without a committed offset counts in
 * full. Used by the health indicator and the lag gauge. Thread-safe.
 */
public final class ConsumerLagReader {
    private final AdminClient admin;

    public ConsumerLagReader(AdminClient admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /**
     * The group's lag; 0 for a group the broker does not know yet.
     *
     * @throws io.ternmq.client.MQClientException when the broker cannot be asked
     */
    public long lag(String group) {
        try {
            return admin.consumerProgress(group).stream().mapToLong(ConsumerProgress::lag).sum();
        } catch (MQBrokerException e) {
            if (e.errorCode() == ErrorCode.QUERY_NOT_FOUND) {
                return 0;
            }
            throw e;
        }
    }
}
