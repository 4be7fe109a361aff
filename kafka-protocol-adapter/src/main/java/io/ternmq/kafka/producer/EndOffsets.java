package io.ternmq.kafka.producer;

/**
 * The store's end offset (next offset to be written) of a partition (queue), used to tell whether a producer state
 * snapshot still describes the log. With a {@code BrokerCore}: {@code (t, q) -> core.messages().store().maxOffset(t, q)}.
 */
@FunctionalInterface
public interface EndOffsets {
    long endOffset(String topic, int partition);
}
