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

    public static StorageHooks defaults() {
        return new StorageHooks(FileSync.FORCE, DiskUsage.FILE_STORE, Duration.ofSeconds(10), Duration.ofSeconds(1),
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
