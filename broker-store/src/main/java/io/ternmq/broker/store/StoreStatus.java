package io.ternmq.broker.store;

/**
 * Runtime figures of the store.
 *
 * @param commitLogMinOffset  first CommitLog byte still on disk
 * @param commitLogMaxOffset  CommitLog write position
 * @param flushedOffset       CommitLog position known to be fsynced
 * @param dispatchedOffset    CommitLog position indexed into ConsumeQueues
 * @param diskUsedRatio       fraction of the store's file system in use, 0..1
 * @param writable            false when writes are rejected (disk full, fatal I/O error)
 * @param segmentCount        number of CommitLog segment files
 */
public record StoreStatus(long commitLogMinOffset, long commitLogMaxOffset, long flushedOffset, long dispatchedOffset,
                          double diskUsedRatio, boolean writable, int segmentCount) {
}
