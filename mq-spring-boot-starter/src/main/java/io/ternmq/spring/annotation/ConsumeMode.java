package io.ternmq.spring.annotation;

/** Whether a listener's messages may be processed in parallel or must keep their queue order. */
public enum ConsumeMode {
    /**
     * Messages are handed to {@link MQListener#concurrency()} threads as they come; a failed message is retried
     * through the group's retry topic with a back-off, while later messages go on.
     */
    CONCURRENTLY,
    /**
     * Each queue's messages are processed one at a time in queue order (send them with a hash key, e.g. the order
     * id, to keep one key's messages in one queue); a failed message blocks its queue and is retried in place.
     */
    ORDERLY
}
