package io.ternmq.client;

import java.util.List;

/**
 * Picks the queue for an ordered send. Messages sent to the same queue are stored, and consumed, in send order, so
 * a selector that maps one business key to one queue gives per-key FIFO.
 */
@FunctionalInterface
public interface MessageQueueSelector {
    /**
     * @param queues the topic's writable queues, sorted by queue id, never empty
     * @param message the message being sent
     * @param arg the argument given to {@code sendOrderly}
     * @return one of {@code queues}
     */
    MessageQueue select(List<MessageQueue> queues, Message message, Object arg);

    /** Maps {@code arg.hashCode()} onto the queues: same argument, same queue (while the queue count is stable). */
    static MessageQueueSelector byHash() {
        return (queues, message, arg) -> queues.get(Math.floorMod(arg == null ? 0 : arg.hashCode(), queues.size()));
    }
}
