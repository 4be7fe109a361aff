package io.ternmq.bench.load;

/** Which client API the consumer side uses. */
public enum ConsumerApi {
    /** {@code PullConsumer}s with explicitly assigned queues: the least client machinery between broker and meter. */
    PULL,
    /** {@code PushConsumer} group members: rebalancing, process queues and listener threads, as applications use. */
    PUSH
}
