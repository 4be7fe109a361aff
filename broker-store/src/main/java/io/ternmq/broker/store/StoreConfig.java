package io.ternmq.broker.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Settings of the store. The broker builds this from {@code broker.conf}; tests build it directly.
 *
 * @param storePathRootDir            root directory (commitlog/, consumequeue/, index/, checkpoint, abort)
 * @param mappedFileSizeCommitLog     CommitLog segment size in bytes
 * @param consumeQueueFileEntries     ConsumeQueue entries per file
 * @param flushDiskType               ASYNC_FLUSH or SYNC_FLUSH
 * @param flushIntervalCommitLogMs    ASYNC_FLUSH: period of the background fsync
 * @param syncFlushTimeoutMs          SYNC_FLUSH: how long an append waits for its fsync
 * @param maxMessageSize              max size of one message body, and of a whole batch entry
 * @param fileReservedTimeHours       CommitLog segments older than this are deleted
 * @param deleteWhen                  hours of day (e.g. "04" or "04;16") when expired segments are deleted
 * @param diskMaxUsedSpaceRatio       percent: above it, expired segments are deleted at any hour
 * @param diskSpaceCleanForciblyRatio percent: above it, the oldest segments are deleted even if not expired
 * @param diskSpaceWarningLevelRatio  percent: above it, writes are rejected with DISK_FULL
 * @param messageIndexEnable          whether keys, ids and times are indexed
 * @param storeHost                   this broker's address ({@code host:port}), stored with each message
 * @param clock                       time source (tests pass a controllable one)
 */
public record StoreConfig(Path storePathRootDir, long mappedFileSizeCommitLog, int consumeQueueFileEntries,
                          FlushDiskType flushDiskType, long flushIntervalCommitLogMs, long syncFlushTimeoutMs,
                          int maxMessageSize, int fileReservedTimeHours, String deleteWhen,
                          int diskMaxUsedSpaceRatio, int diskSpaceCleanForciblyRatio, int diskSpaceWarningLevelRatio,
                          boolean messageIndexEnable, String storeHost, Clock clock) {

    public StoreConfig {
        Objects.requireNonNull(storePathRootDir, "storePathRootDir");
        Objects.requireNonNull(flushDiskType, "flushDiskType");
        Objects.requireNonNull(clock, "clock");
    }

    /** Defaults as in RocketMQ, except smaller files where that does not matter. */
    public static StoreConfig defaults(Path root) {
        return new StoreConfig(root, 1L << 30, 300_000, FlushDiskType.ASYNC_FLUSH, 500, 5_000,
                4 * 1024 * 1024, 72, "04", 75, 85, 90, true, "127.0.0.1:10911", Clock.systemUTC());
    }

    public StoreConfig withSegmentSize(long bytes) {
        return new StoreConfig(storePathRootDir, bytes, consumeQueueFileEntries, flushDiskType,
                flushIntervalCommitLogMs, syncFlushTimeoutMs, maxMessageSize, fileReservedTimeHours, deleteWhen,
                diskMaxUsedSpaceRatio, diskSpaceCleanForciblyRatio, diskSpaceWarningLevelRatio, messageIndexEnable,
                storeHost, clock);
    }

    public StoreConfig withFlushDiskType(FlushDiskType type) {
        return new StoreConfig(storePathRootDir, mappedFileSizeCommitLog, consumeQueueFileEntries, type,
                flushIntervalCommitLogMs, syncFlushTimeoutMs, maxMessageSize, fileReservedTimeHours, deleteWhen,
                diskMaxUsedSpaceRatio, diskSpaceCleanForciblyRatio, diskSpaceWarningLevelRatio, messageIndexEnable,
                storeHost, clock);
    }

    public StoreConfig withClock(Clock newClock) {
        return new StoreConfig(storePathRootDir, mappedFileSizeCommitLog, consumeQueueFileEntries, flushDiskType,
                flushIntervalCommitLogMs, syncFlushTimeoutMs, maxMessageSize, fileReservedTimeHours, deleteWhen,
                diskMaxUsedSpaceRatio, diskSpaceCleanForciblyRatio, diskSpaceWarningLevelRatio, messageIndexEnable,
                storeHost, newClock);
    }
}
