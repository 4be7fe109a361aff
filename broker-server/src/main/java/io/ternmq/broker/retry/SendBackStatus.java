package io.ternmq.broker.retry;

/** Expected outcomes of handing a failed message back ({@link SendBackService#sendBack}). */
public enum SendBackStatus {
    /** A copy is scheduled for {@code %RETRY%group}. */
    RETRY_SCHEDULED,
    /** The retries are used up (or the consumer asked for it): a copy is in {@code %DLQ%group}. */
    MOVED_TO_DLQ,
    /** No message has that id (never existed, or deleted by retention). */
    MESSAGE_NOT_FOUND,
    /** The group name is invalid. */
    INVALID_GROUP,
    /** A DLQ re-send named a message that is not in that group's DLQ. */
    NOT_IN_DLQ,
    /** The append was refused; {@link SendBackResult#append()} says why. */
    APPEND_FAILED
}
