package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.Blocking;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.QueueLocks;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The client side of the broker's queue locks (LOCK_QUEUES / UNLOCK_QUEUES) for one consumer group. Blocking calls,
 * made from the consumer's rebalance thread. Thread-safe (stateless besides its collaborators).
 */
final class QueueLocker {
    private final RemotingClient remoting;
    private final String group;
    private final String clientId;

    QueueLocker(RemotingClient remoting, String group, String clientId) {
        this.remoting = remoting;
        this.group = group;
        this.clientId = clientId;
    }

    /**
     * Locks or renews the queues; returns the ones this client holds now.
     *
     * @throws io.ternmq.client.MQClientException when the broker cannot be asked (nothing is known then)
     */
    Set<MessageQueue> lock(Collection<MessageQueue> queues) {
        if (queues.isEmpty()) {
            return Set.of();
        }
        QueueLocks.Locked locked = Blocking.await(remoting.invoke(Commands.LOCK_QUEUES,
                new QueueLocks.Request(group, clientId, refs(queues))));
        Set<MessageQueue> out = new HashSet<>();
        for (QueueLocks.QueueRef q : locked.locked()) {
            out.add(new MessageQueue(q.topic(), q.queueId()));
        }
        return out;
    }

    /** Releases the queues; best effort (an unreleased lock is freed by expiry or when this client leaves). */
    void unlock(Collection<MessageQueue> queues) {
        if (!queues.isEmpty()) {
            Blocking.await(remoting.invoke(Commands.UNLOCK_QUEUES,
                    new QueueLocks.Request(group, clientId, refs(queues))));
        }
    }

    private static List<QueueLocks.QueueRef> refs(Collection<MessageQueue> queues) {
        return queues.stream().map(mq -> new QueueLocks.QueueRef(mq.topic(), mq.queueId())).toList();
    }
}
