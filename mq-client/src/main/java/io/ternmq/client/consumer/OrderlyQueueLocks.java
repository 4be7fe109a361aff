package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The lock side of orderly rebalancing: a queue becomes this member's only once the broker locked it for us, its
 * lock is renewed every {@code lockInterval}, and it is unlocked only after its last offset was committed.
 *
 * <p>Client-side validity: a lock counts as held until {@code lockMaxLiveTime} after the request that granted or
 * renewed it was <em>sent</em> (not answered), and that is shorter than the broker's expiry, so this member stops
 * consuming a queue before the broker could give it to another member, even when renewals fail.
 *
 * <p>Not thread-safe by itself: used from the consumer's single rebalance thread.
 */
final class OrderlyQueueLocks {
    private static final System.Logger LOG = System.getLogger(OrderlyQueueLocks.class.getName());

    private final QueueLocker locker;
    private final long lockMaxLiveTimeMs;
    private final LongSupplier clock;

    OrderlyQueueLocks(QueueLocker locker, OrderlySettings settings, LongSupplier clock) {
        this.locker = locker;
        this.lockMaxLiveTimeMs = settings.lockMaxLiveTime().toMillis();
        this.clock = clock;
    }

    /** A lock request in progress: what the broker granted and from when the grant counts. */
    record Grant(Set<MessageQueue> locked, long validUntilMs) {
    }

    /** Locks the queues at the broker; an unreachable broker grants nothing. */
    Grant lock(Collection<MessageQueue> wanted) {
        long sentAt = clock.getAsLong();
        try {
            return new Grant(locker.lock(wanted), sentAt + lockMaxLiveTimeMs);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "locking " + wanted + " failed: " + e.getMessage());
            return new Grant(Set.of(), 0);
        }
    }

    /**
     * Renews every owned queue's lock. Returns the queues the broker no longer lets us hold (another member has
     * them now); an unreachable broker returns nothing and the locks simply age towards their client-side expiry.
     */
    List<MessageQueue> renew(Map<MessageQueue, ProcessQueue> owned) {
        if (owned.isEmpty()) {
            return List.of();
        }
        long sentAt = clock.getAsLong();
        Set<MessageQueue> held;
        try {
            held = locker.lock(owned.keySet());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "renewing queue locks failed: " + e.getMessage());
            return List.of();
        }
        List<MessageQueue> lost = new ArrayList<>();
        owned.forEach((mq, pq) -> {
            if (held.contains(mq)) {
                pq.lockGranted(sentAt + lockMaxLiveTimeMs);
            } else {
                lost.add(mq);
            }
        });
        return lost;
    }

    /** Releases the locks after the queues' offsets were committed; best effort. */
    void unlock(Collection<MessageQueue> queues) {
        try {
            locker.unlock(queues);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unlocking " + queues + " failed (they expire at the broker): "
                    + e.getMessage());
        }
    }
}
