package io.ternmq.broker.lock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The broker-side queue locks of orderly consumption (RocketMQ's {@code RebalanceLockManager}): per consumer group
 * and queue, at most one client holds the lock, until it unlocks, leaves the group, loses its connection, or does
 * not renew within {@code maxLiveTimeMs}. Locking a queue one already holds renews it.
 *
 * <p>Only a live member of the group (as the consumer group registry sees it) holds locks: a lock whose holder left
 * the group — UNREGISTER_CLIENT, its connection closed (a killed process), heartbeat expiry — is free at once, not
 * after the expiry, and a client that is not a member locks nothing. Membership is checked when a lock is contended,
 * so the registry needs no callback into this table.
 *
 * <p>Nothing is persisted: after a broker restart every lock is free, and clients re-lock on their next renewal
 * (their own lock validity, shorter than the broker's, protects the gap).
 *
 * <p>Thread-safe: every method runs under this object's lock; none calls out while holding it.
 */
public final class QueueLockTable {
    private static final System.Logger LOG = System.getLogger(QueueLockTable.class.getName());

    private record Holder(String clientId, long expiresAtMs) {
    }

    private final Clock clock;
    private final long maxLiveTimeMs;
    private final BiPredicate<String, String> isMember;
    private final Map<LockedQueue, Holder> locks = new HashMap<>();

    /**
     * @param clock         time source (tests pass a controllable one)
     * @param maxLiveTimeMs how long a lock lasts without renewal ({@code rebalanceLockMaxLiveTime})
     * @param isMember      (group, clientId) → is the client a live member of the group now; must not call back
     */
    public QueueLockTable(Clock clock, long maxLiveTimeMs, BiPredicate<String, String> isMember) {
        this.clock = clock;
        this.maxLiveTimeMs = maxLiveTimeMs;
        this.isMember = isMember;
    }

    /**
     * Locks (or renews) queues of a group for a client.
     *
     * @return the requested queues the client holds afterwards, in request order (none when it is not a member)
     */
    public synchronized List<LockedQueue> lock(String clientId, Collection<LockedQueue> queues) {
        long now = clock.millis();
        List<LockedQueue> granted = new ArrayList<>(queues.size());
        for (LockedQueue queue : queues) {
            if (!isMember.test(queue.group(), clientId)) {
                continue;
            }
            Holder holder = locks.get(queue);
            if (holder == null || holder.clientId().equals(clientId) || !live(queue, holder, now)) {
                if (holder != null && !holder.clientId().equals(clientId)) {
                    LOG.log(System.Logger.Level.INFO, "lock of {0} passes from {1} (expired or disconnected) to {2}",
                            queue, holder.clientId(), clientId);
                }
                locks.put(queue, new Holder(clientId, now + maxLiveTimeMs));
                if (!granted.contains(queue)) {
                    granted.add(queue);
                }
            }
        }
        return granted;
    }

    /** Releases the queues this client holds; queues held by others are left alone. */
    public synchronized void unlock(String clientId, Collection<LockedQueue> queues) {
        for (LockedQueue queue : queues) {
            Holder holder = locks.get(queue);
            if (holder != null && holder.clientId().equals(clientId)) {
                locks.remove(queue);
            }
        }
    }

    /** The live holder of a queue's lock, or null when the queue is free. */
    public synchronized String holder(LockedQueue queue) {
        Holder holder = locks.get(queue);
        return holder != null && live(queue, holder, clock.millis()) ? holder.clientId() : null;
    }

    /** Forgets locks that are no longer live, so the table stays as small as the locks in use. */
    public synchronized int purge() {
        long now = clock.millis();
        int before = locks.size();
        locks.entrySet().removeIf(e -> !live(e.getKey(), e.getValue(), now));
        return before - locks.size();
    }

    private boolean live(LockedQueue queue, Holder holder, long nowMs) {
        return nowMs < holder.expiresAtMs() && isMember.test(queue.group(), holder.clientId());
    }

    /** A queue of a consumer group: the unit that is locked. */
    public record LockedQueue(String group, String topic, int queueId) {
        public LockedQueue {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(topic, "topic");
        }
    }
}
