package io.ternmq.client.producer;

/** Outcome of a send the broker accepted. Every status means "stored"; check it when durability matters. */
public enum SendStatus {
    /** Stored (and, with SYNC_FLUSH, flushed). */
    SEND_OK,
    /** Stored, but the fsync did not finish in time with SYNC_FLUSH: the message may be lost if the host crashes. */
    FLUSH_DISK_TIMEOUT
}
