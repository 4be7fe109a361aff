package io.ternmq.spring.idempotency;

/**
 * Runs a listener invocation at most once per business key and consumer group. The MySQL implementation claims the
 * key in the {@code mq_idempotency} table: in the same local transaction as the listener's own writes when
 * {@code transactional} is true, otherwise as a PROCESSING claim with a lease.
 */
public interface IdempotencyGuard {

    /** What happened to one delivery. */
    enum Outcome {
        /** The handler ran and returned normally. */
        PROCESSED,
        /** The key was processed before: the handler did not run; acknowledge the message. */
        DUPLICATE,
        /** Another consumer holds the key right now: the handler did not run; deliver the message again later. */
        IN_PROGRESS
    }

    /**
     * Runs {@code handler} unless {@code key} was already processed for {@code group}. An exception from the handler
     * propagates and leaves the key unclaimed, so a redelivery runs it again.
     *
     * @param transactional claim inside a local transaction that also wraps {@code handler}
     */
    Outcome runOnce(String group, String key, boolean transactional, Runnable handler);
}
