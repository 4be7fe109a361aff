package io.ternmq.client.consumer;

/** What a listener says about the messages it was given. */
public enum ConsumeStatus {
    /** Done: the messages count as consumed and their offsets may be committed. */
    CONSUME_SUCCESS,
    /** Failed: deliver them again later (see {@link PushConsumer} for where the retry happens). */
    RECONSUME_LATER
}
