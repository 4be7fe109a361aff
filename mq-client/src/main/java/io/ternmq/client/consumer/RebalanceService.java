package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;
import io.ternmq.client.internal.Blocking;
import io.ternmq.client.internal.TopicRoute;
import io.ternmq.client.internal.TopicRouteCache;
import io.ternmq.client.remoting.RemotingClient;
import io.ternmq.protocol.command.Commands;
import io.ternmq.protocol.command.ConsumerList;
import io.ternmq.protocol.message.MessageModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides which queues this member owns and moves them in and out. Clustering: every member allocates the sorted
 * queues over the sorted member list (GET_CONSUMER_LIST) with the same strategy. Broadcasting: every queue.
 *
 * <p>Handing a queue over safely is the point of this class:
 * <ol>
 *   <li>a queue that is no longer ours is dropped first (no pull result accepted, no listener call started), then
 *       we wait for running listener calls, then commit its lowest unacknowledged offset, and only then forget it;</li>
 *   <li>a queue that becomes ours, while other members exist, starts after {@code handoverDelay}, and reads its
 *       start offset from the broker only then, so the previous owner's final commit is seen.</li>
 * </ol>
 * A member that does not find itself in the member list (the broker restarted and has not had our heartbeat yet)
 * keeps its queues rather than giving everything away.
 *
 * <p>Orderly consumption in clustering mode ({@code locks} given) replaces the handover delay with broker locks: a
 * queue becomes ours only once LOCK_QUEUES granted it (a queue still locked by its previous owner, which is
 * draining it, is left for the next round: {@link #rebalance()} then reports it is not settled), and a released
 * queue is unlocked only after its offset was committed. {@link #renewLocks()} drops queues whose lock was lost,
 * without committing (the new holder's progress must not be overwritten).
 *
 * <p>Not thread-safe by itself: every method runs on the consumer's single rebalance thread.
 */
final class RebalanceService {
    private static final System.Logger LOG = System.getLogger(RebalanceService.class.getName());

    private final ConsumerSettings settings;
    private final String clientId;
    private final RemotingClient remoting;
    private final TopicRouteCache routes;
    private final OffsetStore offsets;
    private final PullService pullService;
    private final Runnable requestHeartbeat;
    private final OrderlyQueueLocks locks;
    private final Map<MessageQueue, ProcessQueue> owned = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    RebalanceService(ConsumerSettings settings, String clientId, RemotingClient remoting, TopicRouteCache routes,
                     OffsetStore offsets, PullService pullService, Runnable requestHeartbeat,
                     OrderlyQueueLocks locks) {
        this.settings = settings;
        this.clientId = clientId;
        this.remoting = remoting;
        this.routes = routes;
        this.offsets = offsets;
        this.pullService = pullService;
        this.requestHeartbeat = requestHeartbeat;
        this.locks = locks;
    }

    /** The queues owned now and their process queues (live view). */
    Map<MessageQueue, ProcessQueue> owned() {
        return owned;
    }

    /**
     * One rebalance round over every subscribed topic.
     *
     * @return false when some queue allocated to us could not be taken yet (still locked by its previous owner),
     *         so the caller should run another round soon
     */
    boolean rebalance() {
        if (stopped.get()) {
            return true;
        }
        boolean settled = true;
        for (String topic : settings.subscriptions().keySet()) {
            try {
                settled &= rebalance(topic);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "rebalance of " + topic + " skipped: " + e.getMessage());
            }
        }
        return settled;
    }

    private boolean rebalance(String topic) {
        TopicRoute route = Blocking.await(routes.refresh(topic));
        if (!route.exists()) {
            return true;
        }
        Set<MessageQueue> mine;
        boolean shared;
        if (settings.model() == MessageModel.BROADCASTING) {
            mine = new HashSet<>(route.queues());
            shared = false;
        } else {
            List<String> members = Blocking.await(remoting.invoke(Commands.GET_CONSUMER_LIST,
                    new ConsumerList.GroupRequest(settings.group()))).clientIds();
            if (!members.contains(clientId)) {
                requestHeartbeat.run();
                return false;
            }
            mine = new HashSet<>(settings.allocateStrategy().allocate(clientId, route.queues(), members));
            shared = members.size() > 1;
        }
        List<MessageQueue> gone = new ArrayList<>();
        for (MessageQueue mq : owned.keySet()) {
            if (mq.topic().equals(topic) && !mine.contains(mq)) {
                gone.add(mq);
            }
        }
        release(gone);
        List<MessageQueue> fresh = mine.stream().filter(mq -> !owned.containsKey(mq)).sorted().toList();
        if (fresh.isEmpty() || stopped.get()) {
            return true;
        }
        if (locks == null) {
            for (MessageQueue mq : fresh) {
                start(new ProcessQueue(mq), shared ? settings.handoverDelay().toMillis() : 0);
            }
            return true;
        }
        OrderlyQueueLocks.Grant grant = locks.lock(fresh);
        for (MessageQueue mq : fresh) {
            if (grant.locked().contains(mq)) {
                ProcessQueue pq = new ProcessQueue(mq);
                pq.lockGranted(grant.validUntilMs());
                start(pq, 0); // the start offset is read now, after the previous owner committed and unlocked
            }
        }
        return grant.locked().size() == fresh.size();
    }

    private void start(ProcessQueue pq, long delayMs) {
        owned.put(pq.messageQueue(), pq);
        pullService.start(pq, delayMs);
    }

    /**
     * Orderly: renews the locks of every owned queue and drops (without committing) the ones the broker gave to
     * another member. Returns true when a queue was dropped, so the caller rebalances again.
     */
    boolean renewLocks() {
        if (locks == null || stopped.get()) {
            return false;
        }
        List<MessageQueue> lost = locks.renew(owned);
        for (MessageQueue mq : lost) {
            ProcessQueue pq = owned.remove(mq);
            if (pq != null) {
                pq.lockLost();
                pq.drop();
                offsets.remove(mq);
                LOG.log(System.Logger.Level.WARNING, clientId + " lost the lock of " + mq + "; stopped consuming it");
            }
        }
        return !lost.isEmpty();
    }

    /** Drops, drains and commits the queues, then forgets them. */
    void release(List<MessageQueue> queues) {
        if (queues.isEmpty()) {
            return;
        }
        List<ProcessQueue> dropped = new ArrayList<>();
        for (MessageQueue mq : queues) {
            ProcessQueue pq = owned.get(mq);
            if (pq != null) {
                pq.drop();
                dropped.add(pq);
            }
        }
        long deadline = System.currentTimeMillis() + settings.shutdownTimeout().toMillis();
        for (ProcessQueue pq : dropped) {
            try {
                if (!pq.awaitIdle(Math.max(1, deadline - System.currentTimeMillis()))) {
                    LOG.log(System.Logger.Level.WARNING, "listener still busy on " + pq.messageQueue()
                            + " after " + settings.shutdownTimeout() + "; releasing it anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            offsets.update(pq.messageQueue(), pq.commitOffset(), false);
            LOG.log(System.Logger.Level.INFO, clientId + " releases " + pq.messageQueue() + " at offset "
                    + offsets.current(pq.messageQueue()));
        }
        offsets.persist(queues);
        for (ProcessQueue pq : dropped) {
            owned.remove(pq.messageQueue(), pq);
            offsets.remove(pq.messageQueue());
        }
        if (locks != null) {
            locks.unlock(dropped.stream().map(ProcessQueue::messageQueue).toList());
        }
    }

    /** Commits the current offsets of every owned queue. */
    void persistAll() {
        offsets.persist(List.copyOf(owned.keySet()));
    }

    /** Stops rebalancing and releases everything (shutdown). */
    void stopAndReleaseAll() {
        stopped.set(true);
        release(List.copyOf(owned.keySet()));
    }
}
