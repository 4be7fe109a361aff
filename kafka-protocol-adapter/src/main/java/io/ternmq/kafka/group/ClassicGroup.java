package io.ternmq.kafka.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state of one classic consumer group: members, generation, leader, chosen protocol, and the members that got
 * MEMBER_ID_REQUIRED but have not rejoined yet.
 *
 * <p>Thread-safety: every field is guarded by {@link #lock}, one lock per group, so groups never wait on each other.
 * Futures of waiting JoinGroup/SyncGroup calls are not completed under the lock: they are queued with
 * {@link #afterUnlock} and run by {@link GroupRegistry#locked} once the lock is released, so a handler's
 * continuation never runs while holding a group lock.
 */
final class ClassicGroup {
    final String groupId;
    final ReentrantLock lock = new ReentrantLock();

    GroupState state = GroupState.EMPTY;
    int generationId;
    /** Set by the first member; kept while the group is empty so DescribeGroups still shows it. */
    String protocolType;
    /** Chosen at the end of each join phase; null before the first generation. */
    String protocolName;
    String leaderId;
    /** In join order: the first is the leader when the old leader left. */
    final Map<String, GroupMember> members = new LinkedHashMap<>();
    /** Static members: instance id → current member id. */
    final Map<String, String> staticMembers = new HashMap<>();
    /** Member ids handed out with MEMBER_ID_REQUIRED → their expiry. */
    final Map<String, GroupTimer.Cancellable> pendingMembers = new HashMap<>();

    /** Bumped whenever a rebalance starts or ends, so timers of an earlier rebalance do nothing. */
    int rebalanceRound;
    /** A new group's first join phase does not end before this (initial rebalance delay). */
    long joinNotBeforeMs;

    private final List<Runnable> afterUnlock = new ArrayList<>();

    ClassicGroup(String groupId) {
        this.groupId = groupId;
    }

    void afterUnlock(Runnable action) {
        afterUnlock.add(action);
    }

    List<Runnable> drainAfterUnlock() {
        if (afterUnlock.isEmpty()) {
            return List.of();
        }
        List<Runnable> actions = List.copyOf(afterUnlock);
        afterUnlock.clear();
        return actions;
    }

    /** Kafka's rule: an empty group takes any non-empty type and protocol list; otherwise same type and at least
     *  one protocol every member supports. */
    boolean acceptsProtocols(String type, Set<String> names) {
        if (members.isEmpty()) {
            return type != null && !type.isEmpty() && !names.isEmpty();
        }
        if (!type.equals(protocolType)) {
            return false;
        }
        return supportedProtocols().stream().anyMatch(names::contains);
    }

    /** Protocols every member supports, in the first member's order. */
    Set<String> supportedProtocols() {
        Set<String> supported = null;
        for (GroupMember m : members.values()) {
            if (supported == null) {
                supported = new LinkedHashSet<>(m.protocols.keySet());
            } else {
                supported.retainAll(m.protocols.keySet());
            }
        }
        return supported == null ? Set.of() : supported;
    }

    /** Each member votes for its most preferred protocol among those all support; most votes wins. */
    String selectProtocol() {
        Set<String> candidates = supportedProtocols();
        Map<String, Integer> votes = new LinkedHashMap<>();
        candidates.forEach(c -> votes.put(c, 0));
        for (GroupMember m : members.values()) {
            m.protocols.keySet().stream().filter(candidates::contains).findFirst()
                    .ifPresent(choice -> votes.merge(choice, 1, Integer::sum));
        }
        String best = null;
        int bestVotes = -1;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    boolean allMembersJoined() {
        return pendingMembers.isEmpty() && members.values().stream().allMatch(m -> m.awaitingJoin != null);
    }

    int maxRebalanceTimeoutMs() {
        return members.values().stream().mapToInt(m -> m.rebalanceTimeoutMs).max().orElse(0);
    }

    /** Topics the members subscribe to, from their "consumer" protocol metadata (all protocols, to be safe). */
    Set<String> subscribedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        for (GroupMember m : members.values()) {
            for (byte[] metadata : m.protocols.values()) {
                ConsumerProtocolSubscription.topics(metadata).ifPresent(topics::addAll);
            }
        }
        return topics;
    }

    /** The member with this id, or null. A static member's old id counts as unknown. */
    GroupMember member(String memberId) {
        return memberId == null ? null : members.get(memberId);
    }

    /** True when the instance id belongs to a different current member id (a zombie of a restarted instance). */
    boolean isFenced(String groupInstanceId, String memberId) {
        if (groupInstanceId == null) {
            return false;
        }
        String current = staticMembers.get(groupInstanceId);
        return current != null && !current.equals(memberId);
    }
}
