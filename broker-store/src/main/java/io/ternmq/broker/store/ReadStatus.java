package io.ternmq.broker.store;

/** Expected outcomes of a read. */
public enum ReadStatus {
    /** At least one message returned. */
    FOUND,
    /** Offset equals the max offset: nothing new yet (long polling waits here). */
    NO_NEW_MESSAGE,
    /** Messages were there but the filter rejected all of those scanned; {@code nextOffset} moves past them. */
    NO_MATCHED_MESSAGE,
    /** Offset is below the min offset (removed by retention); {@code nextOffset} is the min offset. */
    OFFSET_TOO_SMALL,
    /** Offset is past the max offset; {@code nextOffset} is the max offset. */
    OFFSET_OVERFLOW,
    /** The queue does not exist in the store. */
    NO_SUCH_QUEUE
}
