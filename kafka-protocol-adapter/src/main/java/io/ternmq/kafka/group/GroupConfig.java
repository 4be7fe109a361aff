package io.ternmq.kafka.group;

/**
 * Group coordinator settings, named after the Kafka broker settings they mirror.
 *
 * @param minSessionTimeoutMs       {@code group.min.session.timeout.ms}: shorter JoinGroup session timeouts get
 *                                  INVALID_SESSION_TIMEOUT
 * @param maxSessionTimeoutMs       {@code group.max.session.timeout.ms}
 * @param initialRebalanceDelayMs   {@code group.initial.rebalance.delay.ms}: how long the first rebalance of an empty
 *                                  group waits for more members, so a starting fleet forms one generation
 * @param maxCommittedMetadataBytes {@code offset.metadata.max.bytes}: longer commit metadata strings get
 *                                  OFFSET_METADATA_TOO_LARGE
 */
public record GroupConfig(int minSessionTimeoutMs, int maxSessionTimeoutMs, int initialRebalanceDelayMs,
                          int maxCommittedMetadataBytes) {

    public GroupConfig {
        if (minSessionTimeoutMs < 0 || maxSessionTimeoutMs < minSessionTimeoutMs || initialRebalanceDelayMs < 0
                || maxCommittedMetadataBytes < 0) {
            throw new IllegalArgumentException("invalid group settings " + minSessionTimeoutMs + "/"
                    + maxSessionTimeoutMs + "/" + initialRebalanceDelayMs + "/" + maxCommittedMetadataBytes);
        }
    }

    /** Kafka's defaults: 6000 / 1800000 / 3000 / 4096. */
    public static GroupConfig defaults() {
        return new GroupConfig(6_000, 1_800_000, 3_000, 4096);
    }

    public GroupConfig withInitialRebalanceDelayMs(int delayMs) {
        return new GroupConfig(minSessionTimeoutMs, maxSessionTimeoutMs, delayMs, maxCommittedMetadataBytes);
    }
}
