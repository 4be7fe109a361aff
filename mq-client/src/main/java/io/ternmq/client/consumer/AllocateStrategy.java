package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

import java.util.List;

/**
 * How a clustering group divides a topic's queues among its members. Every member runs the same strategy on the
 * same sorted inputs, so they agree without talking to each other.
 */
public enum AllocateStrategy {
    /** Contiguous blocks: with 8 queues and 3 members, 3/3/2 (RocketMQ's default "averagely"). */
    AVERAGE(QueueAllocator.AVERAGE),
    /** Dealt out like cards: queue i goes to member i mod n ("averagely by circle"). */
    ROUND_ROBIN(QueueAllocator.ROUND_ROBIN),
    /** Consistent hashing with virtual nodes: a member joining or leaving moves few queues. */
    CONSISTENT_HASH(QueueAllocator.CONSISTENT_HASH);

    private final QueueAllocator allocator;

    AllocateStrategy(QueueAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * The queues {@code clientId} should own.
     *
     * @param queues    all queues of the topic (any order; sorted here)
     * @param clientIds all live members (any order; sorted here); should contain {@code clientId}
     */
    public List<MessageQueue> allocate(String clientId, List<MessageQueue> queues, List<String> clientIds) {
        return allocator.allocate(clientId, queues.stream().sorted().toList(),
                clientIds.stream().sorted().distinct().toList());
    }
}
