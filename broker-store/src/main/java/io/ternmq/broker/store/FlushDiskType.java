package io.ternmq.broker.store;

/** When an append counts as done. Names follow RocketMQ's {@code flushDiskType}. */
public enum FlushDiskType {
    /** Ack after the write reaches the OS page cache; a background thread fsyncs periodically. */
    ASYNC_FLUSH,
    /** Ack after fsync; concurrent appends share one fsync (group commit). */
    SYNC_FLUSH
}
