package io.ternmq.client.consumer;

/** What a {@link MessageListenerOrderly} says about the messages of one call. */
public enum ConsumeOrderlyStatus {
    /** Done: the messages count as consumed; the queue moves on to the next ones. */
    SUCCESS,
    /** Failed: pause this queue and deliver the same messages again (in place, nothing after them first). */
    SUSPEND_CURRENT_QUEUE_A_MOMENT
}
