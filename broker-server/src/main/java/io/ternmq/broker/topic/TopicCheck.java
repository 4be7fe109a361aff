package io.ternmq.broker.topic;

/** Expected outcomes of checking a topic and queue before a read or write. */
public enum TopicCheck {
    /** The topic exists and allows the operation on that queue. */
    OK,
    /** The topic name is not valid. */
    ILLEGAL_NAME,
    /** The topic does not exist (and was not auto-created). */
    NOT_EXIST,
    /** The topic's perm does not allow the operation. */
    NO_PERMISSION,
    /** The queue id is outside {@code 0 .. queueNums-1}. */
    QUEUE_NOT_EXIST
}
