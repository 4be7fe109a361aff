package io.ternmq.broker.store.io;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the SYNC_FLUSH group commit waits, before an fsync, for the appenders the previous fsync released:
 * {@code fractionOfLastFsync} of the last fsync's duration, never more than {@code max}. Not configuration: the
 * defaults were measured (see GroupCommitFlusher); tests widen the window so that gathering does not depend on how
 * fast a busy machine schedules threads.
 */
public record GroupCommitGather(double fractionOfLastFsync, Duration max) {
    /** Measured on the 2-core dev VM (fsync ~330 us): 0 gives N/2 appends per fsync, 0.1-0.25 ~0.9 N, 1.0 less. */
    public static final GroupCommitGather DEFAULT = new GroupCommitGather(0.25, Duration.ofMillis(1));

    public GroupCommitGather {
        Objects.requireNonNull(max, "max");
        if (!(fractionOfLastFsync >= 0) || max.isNegative()) {
            throw new IllegalArgumentException("gather window must not be negative: " + fractionOfLastFsync + ", " + max);
        }
    }

    /** @return the gather window after an fsync that took {@code lastFsyncNanos} */
    public long windowNanos(long lastFsyncNanos) {
        return Math.min((long) (lastFsyncNanos * fractionOfLastFsync), max.toNanos());
    }
}
