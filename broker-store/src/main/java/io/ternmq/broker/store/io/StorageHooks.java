package io.ternmq.broker.store.io;

import java.time.Duration;
import java.util.Objects;

/**
 * Internal knobs that are not configuration: the fsync seam, the disk-usage probe and service periods. Production
 * uses {@link #defaults()}; tests replace parts of it.
 *
 * @param fileSync          how file data is forced to disk
 * @param diskUsage         how disk usage is measured
 * @param retentionPeriod   how often the retention service runs
 * @param indexFlushPeriod  how often ConsumeQueue/index files are fsynced and the checkpoint written
 * @param gather            how long SYNC_FLUSH group commit waits for released appenders before an fsync
 */
public record StorageHooks(FileSync fileSync, DiskUsage diskUsage, Duration retentionPeriod,
                           Duration indexFlushPeriod, GroupCommitGather gather) {
    public StorageHooks {
        Objects.requireNonNull(fileSync, "fileSync");
        Objects.requireNonNull(diskUsage, "diskUsage");
        Objects.requireNonNull(retentionPeriod, "retentionPeriod");
        Objects.requireNonNull(indexFlushPeriod, "indexFlushPeriod");
        Objects.requireNonNull(gather, "gather");
    }

    /**
     * Each checkpoint fsyncs every written ConsumeQueue file, one {@code fdatasync} per queue (tens of µs of CPU
     * each): every second that was 5% of a core at 1,000 busy queues and half of one at 10,000. The CommitLog is the
     * source of truth and recovery re-dispatches everything after the checkpoint, so a longer period costs only
     * re-dispatch work at open.
     */
    private static final Duration CHECKPOINT_PERIOD = Duration.ofSeconds(10);

    public static StorageHooks defaults() {
        return new StorageHooks(FileSync.FORCE, DiskUsage.FILE_STORE, Duration.ofSeconds(10), CHECKPOINT_PERIOD,
                GroupCommitGather.DEFAULT);
    }

    public StorageHooks withFileSync(FileSync sync) {
        return new StorageHooks(sync, diskUsage, retentionPeriod, indexFlushPeriod, gather);
    }

    public StorageHooks withDiskUsage(DiskUsage usage) {
        return new StorageHooks(fileSync, usage, retentionPeriod, indexFlushPeriod, gather);
    }

    public StorageHooks withGather(GroupCommitGather window) {
        return new StorageHooks(fileSync, diskUsage, retentionPeriod, indexFlushPeriod, window);
    }
}
