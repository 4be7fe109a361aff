package io.ternmq.broker.store;

/** Expected outcomes of an append. Only {@link #PUT_OK} means the messages are stored. */
public enum AppendStatus {
    /** Stored and, under SYNC_FLUSH, fsynced. */
    PUT_OK,
    /** Written, but the fsync did not finish within the sync-flush timeout; the client should treat it as unknown. */
    FLUSH_DISK_TIMEOUT,
    /** A message, or the whole entry, exceeds {@code maxMessageSize}; nothing written. */
    MESSAGE_TOO_LARGE,
    /** Bad topic name, queue id, property size or empty batch; nothing written. */
    MESSAGE_ILLEGAL,
    /** Disk usage is past the hard ratio; writes are rejected until space is freed, reads go on. */
    DISK_FULL,
    /** The store is shut down or hit a fatal I/O error (failed fsync); nothing written. */
    SERVICE_NOT_AVAILABLE
}
